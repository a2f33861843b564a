/* microsite: progressive enhancement for schedules.
 * Without JavaScript the build-time split into upcoming and past stands.
 * With it, events are re-sorted against the reader's clock (a page built weeks
 * ago stays right) and the kind/town filters work. The home page's list of what
 * comes up next is chosen again from the site's own upcoming/<lang>.json, so a
 * site not rebuilt for a year still lists the right events (the rule is
 * microsite/upcoming.py's); it is fetched only once an event the page lists is
 * over. Feed addresses get a copy button. No storage; the only request is that
 * file, on the site itself. */
(function () {
  "use strict";
  var plural = new Intl.PluralRules(document.documentElement.lang || "en");

  /* The words come with the page, from the language's catalogue: "Pokazano: {count}", and
     "wydarzenie", "wydarzenia", "wydarzeń" for each plural category. */
  function count(form, n) {
    var words = JSON.parse(form.getAttribute("data-ms-counted") || "{}");
    var noun = words[plural.select(n)] || words.other || "";
    return (form.getAttribute("data-ms-shown") || "{count}").replace("{count}", n + "\u00a0" + noun);
  }

  function ended(li, now) { return Date.parse(li.getAttribute("data-end")) <= now; }
  function start(li) { return Date.parse(li.getAttribute("data-start")); }

  function regroup(section, items, descending) {
    var groups = section.querySelector("[data-ms-groups]");
    if (!groups) return;
    items.sort(function (a, b) { return descending ? start(b) - start(a) : start(a) - start(b); });
    while (groups.firstChild) groups.removeChild(groups.firstChild);
    var key = null, list = null;
    items.forEach(function (li) {
      if (li.getAttribute("data-month-key") !== key) {
        key = li.getAttribute("data-month-key");
        var h = document.createElement("h3");
        h.textContent = li.getAttribute("data-month");
        h.setAttribute("data-month-key", key);
        list = document.createElement("ul");
        list.className = "ms-events";
        groups.appendChild(h);
        groups.appendChild(list);
      }
      list.appendChild(li);
    });
  }

  function refresh(root, now) {
    var upcoming = root.querySelector('[data-ms-section="upcoming"]');
    var past = root.querySelector('[data-ms-section="past"]');
    var all = Array.prototype.slice.call(root.querySelectorAll("li.ms-event"));
    if (past) {
      regroup(upcoming, all.filter(function (li) { return !ended(li, now); }), false);
      regroup(past, all.filter(function (li) { return ended(li, now); }), true);
    } else {
      var limit = parseInt(upcoming.getAttribute("data-ms-limit") || "3", 10), shown = 0;
      all.forEach(function (li) {
        var show = !ended(li, now) && shown < limit;
        if (show) shown++;
        li.hidden = !show;
      });
    }
    applyFilters(root);
  }

  function applyFilters(root) {
    var kind = root.querySelector('[data-ms-filter="kind"]');
    var city = root.querySelector('[data-ms-filter="city"]');
    var k = kind ? kind.value : "", c = city ? city.value : "";
    var visible = 0;
    root.querySelectorAll("[data-ms-section]").forEach(function (section) {
      var sectionVisible = 0;
      section.querySelectorAll("li.ms-event").forEach(function (li) {
        if (!root.querySelector("[data-ms-filters]")) { if (!li.hidden) sectionVisible++; return; }
        var ok = (!k || li.getAttribute("data-kind") === k) &&
                 (!c || li.getAttribute("data-cities").split("|").indexOf(c) !== -1);
        li.hidden = !ok;
        if (ok) sectionVisible++;
      });
      section.querySelectorAll("h3[data-month-key]").forEach(function (h) {
        var list = h.nextElementSibling;
        h.hidden = !list || !list.querySelector("li.ms-event:not([hidden])");
      });
      var empty = section.querySelector("[data-ms-empty]");
      if (empty) empty.hidden = sectionVisible > 0;
      visible += sectionVisible;
    });
    var status = root.querySelector("[data-ms-filter-status]");
    if (status) status.textContent = count(root.querySelector("[data-ms-filters]"), visible);
  }

  /* The next `limit` entries at `now`: per item (a one-off event, or a weekly slot's dates) its first
     date not over, then by start. The same rule as microsite/upcoming.py's next_entries. A date is
     [start, end, local start, day], instants in Unix seconds (microsite/render/html.py). */
  function nextEntries(data, now) {
    var found = [];
    data.items.forEach(function (item) {
      for (var i = 0; i < item.dates.length; i++) {
        if (item.dates[i][1] * 1000 > now) { found.push({item: item, date: item.dates[i]}); break; }
      }
    });
    found.sort(function (a, b) {
      var ia = eventId(a), ib = eventId(b);  /* by start, then id: Event.sort_key */
      return a.date[0] - b.date[0] || (ia < ib ? -1 : ia > ib ? 1 : 0);
    });
    return found.slice(0, data.limit);
  }

  function eventId(entry) {
    return entry.item.id + (entry.item.series ? "-" + entry.date[2].slice(0, 10) : "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The markup of microsite/templates/_macros.html's event_item, built from the data's texts. */
  function entryItem(entry, data, siteRoot) {
    var item = entry.item, date = entry.date, status = item.status || "scheduled";
    var li = element("li", "ms-event ms-event--" + status);
    li.setAttribute("data-start", new Date(date[0] * 1000).toISOString());
    li.setAttribute("data-end", new Date(date[1] * 1000).toISOString());
    var when = element("p", "ms-event__when");
    var time = element("time", "", date[3]);
    time.setAttribute("datetime", date[2]);
    when.appendChild(time);
    if (item.time) when.appendChild(document.createTextNode(", " + item.time));
    if (item.zone) {
      when.appendChild(document.createTextNode(" "));
      when.appendChild(element("span", "ms-zone", "(" + item.zone + ")"));
    }
    var title = element("p", "ms-event__title");
    var link = element("a", "", item.title);
    link.href = siteRoot + data.schedule + eventId(entry) + "/";
    link.setAttribute("lang", item.lang || document.documentElement.lang);
    title.appendChild(link);
    var meta = element("p", "ms-event__meta");
    meta.appendChild(element("span", "ms-kind", item.kind));
    meta.appendChild(document.createTextNode(" \u00b7 " + item.place));
    li.appendChild(when);
    li.appendChild(title);
    li.appendChild(meta);
    if (item.badge) {
      var badge = element("p", "ms-badge ms-badge--" + status);
      badge.appendChild(element("strong", "", item.badge));
      if (item.previous) {
        var previous = element("span", "ms-previous", "(" + data.previously + ": ");
        previous.appendChild(element("del", "", item.previous));
        previous.appendChild(document.createTextNode(")"));
        badge.appendChild(document.createTextNode(" "));
        badge.appendChild(previous);
      }
      li.appendChild(badge);
    }
    return li;
  }

  function showUpcoming(root, data, now) {
    var list = root.querySelector("ul.ms-events");
    var entries = nextEntries(data, now);
    while (list.firstChild) list.removeChild(list.firstChild);
    entries.forEach(function (entry) {
      list.appendChild(entryItem(entry, data, root.getAttribute("data-ms-root") || ""));
    });
    root.querySelector("[data-ms-empty]").hidden = entries.length > 0;
  }

  function copyButtons() {
    document.querySelectorAll("[data-ms-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-ms-copy"));
      var status = button.parentNode.querySelector("[data-ms-copy-status]");
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var done = function () { if (status) status.textContent = button.getAttribute("data-ms-copied"); };
        field.select();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(done, function () {
            if (document.execCommand("copy")) done();
          });
        } else if (document.execCommand("copy")) {
          done();
        }
      });
    });
  }

  document.querySelectorAll("[data-ms-schedule]").forEach(function (root) {
    var form = root.querySelector("[data-ms-filters]");
    if (form) {
      form.hidden = false;
      form.addEventListener("change", function () { applyFilters(root); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    }
    var source = root.getAttribute("data-ms-upcoming");
    var now = Date.now();
    refresh(root, now);
    /* While none of the build's entries is over, they are still the next ones: no request. */
    var stale = Array.prototype.some.call(root.querySelectorAll("li.ms-event"), function (li) { return ended(li, now); });
    if (source && stale && window.fetch) {
      fetch(source, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) { showUpcoming(root, data, Date.now()); }, function () {
        /* Without the data the build's list stands, minus what has ended (refresh above). */
      });
    }
  });
  copyButtons();
})();
