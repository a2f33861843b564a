/* microsite: progressive enhancement for schedules.
 * Without JavaScript the build-time split into upcoming and past stands.
 * With it, events are re-sorted against the reader's clock (a page built weeks
 * ago stays right) and the kind/town filters work. No storage, no requests. */
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

  document.querySelectorAll("[data-ms-schedule]").forEach(function (root) {
    var form = root.querySelector("[data-ms-filters]");
    if (form) {
      form.hidden = false;
      form.addEventListener("change", function () { applyFilters(root); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    }
    refresh(root, Date.now());
  });
})();
