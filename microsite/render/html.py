"""HTML blocks for pages: schedule, event pages, partners, project card, results, funding strip.

Pure functions from the model, a language, the page's own URL and "now" to
HTML strings. Jinja2 autoescaping means text from YAML is always shown as
text: ``<script>`` in a title is displayed, never run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import formats
from ..calendarlinks import add_event_links, subscribe_links
from ..catalogue import catalogue, label
from ..facts import project_facts
from ..feeds import feed_name
from ..fields import zone_country
from ..model import Event, EventStatus, Site
from ..model.event import start_instant
from .compiled import CompiledTemplates
from ..upcoming import UPCOMING_LIMIT, end_instant, next_entries, upcoming_items
from ..flyers import flyer_of
from ..urls import (EVENTS_DIR, event_feed_path, event_page_url, feed_path, flyer_path, news_feed_path, news_post_url,
                    page_url, poster_path, relative_url, upcoming_data_path)
from .ical import event_summary
from ..sitepages import event_description
from .jsonld import embed_jsonld, to_jsonld_event, to_jsonld_organization
from .place import event_place

__all__ = ["PageContext", "render_template", "render_event_page", "render_funding_strip", "render_partners",
           "render_project_card", "render_results", "render_schedule", "render_upcoming", "render_upcoming_data",
           "render_documents", "render_news", "render_translation_notice", "render_contact", "event_end_instant",
           "when_text", "place_lines", "previous_text", "status_label"]


@dataclass(frozen=True, slots=True)
class PageContext:
    """What every block needs to know about where and when it is rendered."""

    site: Site
    lang: str
    page_url: str
    """Site-relative URL of the page the block goes into, e.g. 'en/schedule/'."""
    base_url: str
    """Absolute URL of the site root, for feeds and structured data."""
    now: datetime
    """The build's notion of now (aware); the browser re-checks at view time."""
    image: str | None = None
    """Site-relative path of this language's link-preview image, if it has one (events' structured data)."""
    event_homes: Mapping[str, str] = field(default_factory=dict)
    """Event id → site-relative URL of the editor's page that shows it: the event's one canonical address."""

    @property
    def default_lang(self) -> str:
        return self.site.project.default_language

    @property
    def home_country(self) -> str:
        """Return the project's country (from its time zone); foreign venues name their country."""
        return zone_country(self.site.project.timezone) or ""

    def link(self, site_relative: str) -> str:
        """Return a relative link from this page to a site-relative URL."""
        return relative_url(self.page_url, site_relative)

    def absolute(self, site_relative: str) -> str:
        """Return the absolute URL of a site-relative URL."""
        return self.base_url.rstrip("/") + "/" + site_relative


# auto_reload off: the templates are the package's own and do not change during a build; on, Jinja
# would stat every template file on every render (four times for each of thousands of event pages).
_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": False, "auto_reload": False}
_AUTOESCAPE = select_autoescape(default=True)
_COMPILED = Path(__file__).resolve().parents[1] / "__pycache__" / "templates"
"""Beside the package's own bytecode: what Python's ``__pycache__`` is to modules, this is to templates."""


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("microsite", "templates"), autoescape=_AUTOESCAPE,
                       bytecode_cache=CompiledTemplates(_COMPILED), **_OPTIONS)


def render_template(template: str, **values) -> str:
    """Render one of the package's templates (autoescaped) into compact HTML."""
    return _render(template, **values)


def _render(template: str, **values) -> str:
    """Render a template; ``lang`` (when given) gives it ``t('key')``, the catalogue's texts in that language."""
    if "lang" in values and "t" not in values:
        lang = values["lang"]
        values["t"] = lambda key, **fill: label(key, lang, **fill)
    html = _env().get_template(template).render(**values)
    # Python-Markdown ends a raw HTML block at a blank line: keep blocks compact.
    return "\n".join(line for line in html.splitlines() if line.strip())


event_end_instant = end_instant
"""Return the UTC instant an event is over (end of the last day for all-day events)."""


def _iso(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def when_text(event: Event, lang: str, project_tz: str) -> dict:
    """Return the parts of an event's date and time as the reader should see them (pages and flyers)."""
    if event.all_day:
        first, last = event.start, event.end
        if first == last:
            day_text = formats.format_day(first, lang)
        else:
            day_text = f"{formats.format_day(first, lang)} – {formats.format_day(last, lang)}"
        return {"day": day_text, "time": "", "zone": "", "start_attr": first.isoformat(),
                "end_attr": last.isoformat()}
    start, end = event.start, event.end
    day_text = formats.format_day_long(start.date(), lang)
    if end.date() != start.date():
        day_text += f" – {formats.format_day_long(end.date(), lang)}"
    time_text = f"{formats.format_time_of_day(start, lang)}–{formats.format_time_of_day(end, lang)}"
    zone = formats.format_zone(start, lang) if event.timezone != project_tz else ""
    return {"day": day_text, "time": time_text, "zone": zone, "start_attr": start.isoformat(),
            "end_attr": end.isoformat()}


def place_lines(venue, lang: str, home_country: str) -> list[str]:
    """Return a venue as the lines of an address: name, street, postcode and town, a foreign country."""
    lines = [venue.name.in_(lang)]
    if venue.street:
        lines.append(venue.street)
    city = venue.city.in_(lang)
    locality = f"{venue.postal_code} {city}" if venue.postal_code else city
    if locality != lines[0]:
        lines.append(locality)
    if venue.country != home_country:
        lines.append(formats.format_country(venue.country, lang))
    return lines


def _event_view(ctx: PageContext, event: Event) -> dict:
    lang = ctx.lang
    project = ctx.site.project
    when = when_text(event, lang, project.timezone)
    start_day = event.start if event.all_day else event.start.date()
    cities = sorted({v.city.in_(lang) for v in event.venues})
    venue = event.venue or (event.sessions[0].venue if event.sessions else None)
    return {
        "id": event.id,
        "title": event.title.in_(lang),
        "title_lang": event.title.lang_of(lang),
        "kind": event.kind.id,
        "kind_label": event.kind.label.in_(lang),
        "status": event.status.value,
        "status_label": status_label(event.status, lang) if event.status is not EventStatus.SCHEDULED else "",
        "when": when,
        "start_utc": _iso(start_instant(event.start, event.timezone)),
        "end_utc": _iso(event_end_instant(event)),
        "month": formats.format_month(start_day, lang),
        "month_key": start_day.strftime("%Y-%m"),
        "cities": cities,
        "city_attr": "|".join(cities),
        "place": ", ".join([venue.name.in_(lang), *cities]) if venue else label("online", lang),
        "href": ctx.link(event_page_url(event.id, lang, ctx.default_lang)),
        "previous": previous_text(event, lang),
    }


def status_label(status: EventStatus, lang: str) -> str:
    """Return how an event's status is written in ``lang`` ("Odwołane", "Cancelled")."""
    return catalogue(lang).text(status.value, "statuses")


def previous_text(event: Event, lang: str) -> str:
    """Return the start before an event's latest move, as the reader should see it ('' if never moved)."""
    if event.previous_start is None:
        return ""
    prev = event.previous_start
    if isinstance(prev, datetime):
        return f"{formats.format_day_long(prev.date(), lang)}, {formats.format_time_of_day(prev, lang)}"
    return formats.format_day(prev, lang)


def _split(ctx: PageContext, events) -> tuple[list[Event], list[Event]]:
    upcoming = [e for e in events if event_end_instant(e) > ctx.now]
    past = [e for e in events if event_end_instant(e) <= ctx.now]
    past.sort(key=lambda e: start_instant(e.start, e.timezone), reverse=True)
    return upcoming, past


def _by_month(views: list[dict]) -> list[tuple[str, str, list[dict]]]:
    return [(key, items[0]["month"], items)
            for key, grouped in groupby(views, key=lambda v: v["month_key"])
            for items in [list(grouped)]]


def _feed_links(ctx: PageContext) -> list[dict]:
    links = []
    for feed in ctx.site.feeds:
        count = sum(1 for e in ctx.site.events if feed.includes(e))
        name = feed.name.in_(ctx.lang)
        sub = subscribe_links(ctx.base_url, feed_path(ctx.lang, feed.slug), feed_name(ctx.site, ctx.lang, name))
        links.append({"slug": feed.slug, "name": name, "links": sub,
                      "count": formats.format_count(count, "event", ctx.lang)})
    return links


def render_schedule(ctx: PageContext) -> str:
    """Return the schedule: filters, upcoming by month, past by month, subscribe links.

    A project with no events yet gets one plain sentence: no filters over nothing,
    no empty sections, no calendars to subscribe to.
    """
    lang = ctx.lang
    if not ctx.site.events:
        return _render("schedule.html", lang=lang, events=False)
    upcoming, past = _split(ctx, ctx.site.events)
    kinds = [(k.id, k.label.in_(lang)) for k in ctx.site.vocabulary.kinds if any(e.kind.id == k.id
                                                                                 for e in ctx.site.events)]
    cities = sorted({v.city.in_(lang) for e in ctx.site.events for v in e.venues}, key=str.casefold)
    counted = {category: catalogue(lang).forms("event").get(category) for category in
               ("zero", "one", "two", "few", "many", "other")}
    return _render("schedule.html", lang=lang, events=True,
                   upcoming=_by_month([_event_view(ctx, e) for e in upcoming]),
                   past=_by_month([_event_view(ctx, e) for e in past]),
                   kinds=kinds, cities=cities, feeds=_feed_links(ctx),
                   counted={k: v for k, v in counted.items() if v})


def render_upcoming(ctx: PageContext, limit: int = UPCOMING_LIMIT) -> str:
    """Return the next few events for the home page, as the build sees them.

    The browser replaces them by the next ones at view time, from the data of
    :func:`render_upcoming_data` (see :mod:`microsite.upcoming`).
    """
    shown = next_entries(upcoming_items(ctx.site.events, ctx.now), ctx.now, limit)
    schedule = ctx.link(page_url("schedule/", ctx.lang, ctx.default_lang))
    return _render("upcoming.html", lang=ctx.lang, limit=limit, any_events=bool(ctx.site.events),
                   events=[_event_view(ctx, e) for e in shown], schedule=schedule,
                   data=ctx.link(upcoming_data_path(ctx.lang)), root=ctx.link(""))


def render_upcoming_data(site: Site, lang: str, *, base_url: str, now: datetime) -> bytes:
    """Return every event still to come after ``now`` in ``lang``, as the JSON the home page reads.

    One item per one-off event and per weekly slot, in the words and formats of
    the page; each of its dates is ``[start, end, local start, day]`` (instants as
    Unix seconds). A one-off event's page is ``schedule`` + ``id`` + '/', a slot's
    date's ``schedule`` + ``id`` + '-' + its local date + '/', from the site's root.
    Kept short: the home page's whole transfer has a budget (150 KB, bench/).
    """
    ctx = PageContext(site, lang, "", base_url, now)
    items = []
    for dates in upcoming_items(site.events, now):
        first = _event_view(ctx, dates[0])
        item = {"id": dates[0].series or dates[0].id, "title": first["title"], "kind": first["kind_label"],
                "place": first["place"], "time": first["when"]["time"], "zone": first["when"]["zone"],
                "lang": first["title_lang"] if first["title_lang"] != lang else "",
                "series": dates[0].series is not None, "status": first["status"] if first["status_label"] else "",
                "badge": first["status_label"], "previous": first["previous"]}
        item = {key: value for key, value in item.items() if value}
        item["dates"] = [[int(start_instant(e.start, e.timezone).timestamp()), int(event_end_instant(e).timestamp()),
                          when["start_attr"], when["day"]]
                         for e in dates for when in [when_text(e, lang, site.project.timezone)]]
        items.append(item)
    data = {"limit": UPCOMING_LIMIT, "previously": label("previously", lang),
            "schedule": ctx.link(page_url(f"{EVENTS_DIR}/", lang, ctx.default_lang)), "items": items}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def programme_days(event: Event, lang: str, home_country: str) -> list[dict]:
    """Return a multi-day programme by day: each session's local time, zone, title and place (page and flyer)."""
    days = []
    for day, sessions in groupby(event.sessions, key=lambda s: s.start.date()):
        items = []
        for s in sessions:
            items.append({
                "time": f"{formats.format_time_of_day(s.start, lang)}–{formats.format_time_of_day(s.end, lang)}",
                "start_attr": s.start.isoformat(), "end_attr": s.end.isoformat(),
                "zone": formats.format_zone(s.start, lang),
                "title": s.title.in_(lang),
                "place": ", ".join(place_lines(s.venue, lang, home_country)) if s.venue else "",
            })
        days.append({"day": formats.format_day_long(day, lang), "day_attr": day.isoformat(), "sessions": items})
    return days


def render_event_page(ctx: PageContext, event: Event) -> str:
    """Return the body of an event's own page, with its programme, links and JSON-LD."""
    lang = ctx.lang
    project = ctx.site.project
    view = _event_view(ctx, event)
    venues = [{"lines": place_lines(v, lang, ctx.home_country)} for v in ([event.venue] if event.venue else [])]
    days = programme_days(event, lang, ctx.home_country)
    page = ctx.absolute(event_page_url(event.id, lang, ctx.default_lang))
    flyer = flyer_of(ctx.site, ctx.now, event)
    add = {"download": ctx.link(event_feed_path(lang, event.id))}
    if event.status is not EventStatus.CANCELLED:  # a new copy of a cancelled event helps nobody
        details = "\n\n".join([*([event.description.in_(lang)] if event.description else []), page])
        links = add_event_links(title=event_summary(event, lang), start=event.start, end=event.end,
                                timezone_name=event.timezone, details=details,
                                location=event_place(event, event.venue, lang, ctx.home_country))
        add.update(google=links.google, outlook_com=links.outlook_com, microsoft_365=links.microsoft_365)
    return _render("event.html", lang=lang, e=view, event=event, venues=venues,
                   days=days, description=event.description.in_(lang) if event.description else "",
                   description_lang=event.description.lang_of(lang) if event.description else lang,
                   organiser=event.organiser.name.in_(lang) if event.organiser else "",
                   audience=event.audience.in_(lang) if event.audience else "",
                   bring=event.bring.in_(lang) if event.bring else "",
                   registration=event.registration_url, online_url=event.online_url, add=add,
                   flyer=ctx.link(flyer_path(lang, flyer.key)) if flyer else "",
                   schedule=ctx.link(page_url("schedule/", lang, ctx.default_lang)),
                   jsonld=_event_jsonld(ctx, event, page),
                   project_tz=project.timezone)


def _event_jsonld(ctx: PageContext, event: Event, page: str) -> str:
    """Return the event's structured data, on its canonical page only ('' on the other).

    An event an editor's page shows (the study visit's own page) is published
    there: that page is its address, and the generated page defers to it.
    """
    home = ctx.event_homes.get(event.id)
    if home is not None and home != ctx.page_url:
        return ""
    project = ctx.site.project
    data = to_jsonld_event(event, ctx.lang, url=ctx.absolute(home) if home is not None else page,
                           organiser=ctx.site.partner(project.beneficiary) if project.beneficiary else None,
                           description=event_description(event, ctx.lang),
                           image=ctx.absolute(ctx.image) if ctx.image else None, base_url=ctx.base_url)
    return embed_jsonld(data)


def render_partners(ctx: PageContext) -> str:
    """Return every partner with role, country, city, website, logo and description."""
    lang = ctx.lang
    partners = []
    for p in ctx.site.partners:
        partners.append({
            "id": p.id, "name": p.name.in_(lang), "role": p.role.label.in_(lang),
            "country": formats.format_country(p.country, lang), "city": p.city.in_(lang) if p.city else "",
            "address": p.address.in_(lang) if p.address else "",
            "website": p.website, "website_text": (p.website or "").split("://", 1)[-1].rstrip("/"),
            "logo": ctx.link(p.logo) if p.logo else "", "logo_alt": p.logo_alt.in_(lang) if p.logo_alt else "",
            "description": p.description.in_(lang) if p.description else "",
            "description_lang": p.description.lang_of(lang) if p.description else lang,
        })
    jsonld = embed_jsonld([to_jsonld_organization(p, lang, base_url=ctx.base_url) for p in ctx.site.partners])
    return _render("partners.html", lang=lang, partners=partners, jsonld=jsonld)


def render_project_card(ctx: PageContext) -> str:
    """Return the project facts an auditor looks for, and the funder's statement.

    Only what is known is shown (a grant amount not made public has no row), and
    the funder's share is named in the funder's words (no "EU contribution" for a
    UK fund); the printed poster shows the same rows (:mod:`microsite.facts`).
    """
    lang = ctx.lang
    p = ctx.site.project
    funding = p.funding
    rows = [(fact.label, fact.value) for fact in project_facts(ctx.site, lang)]
    results = [(r.label.in_(lang), formats.format_quantity(r.target, r.unit, lang)) for r in p.results]
    return _render("project_card.html", lang=lang, rows=rows, summary=p.summary.in_(lang),
                   statement=funding.statement.in_(lang) if funding.statement else "", results=results)


def render_results(ctx: PageContext) -> str:
    """Return the indicators with target, achieved value and an accessible progress bar."""
    lang = ctx.lang
    items = []
    for r in ctx.site.project.results:
        target = formats.format_quantity(r.target, r.unit, lang)
        if r.achieved is not None:
            text = label("achieved_of_target", lang, achieved=formats.format_number(r.achieved, lang), target=target)
        else:
            text = label("target", lang, target=target)
        items.append({"id": r.id, "label": r.label.in_(lang), "text": text, "target": r.target,
                      "achieved": r.achieved})
    return _render("results.html", items=items, lang=lang)


def render_documents(ctx: PageContext) -> str:
    """Return the project's poster to print, then the downloadable documents with type, language and size."""
    lang = ctx.lang
    docs = []
    for d in ctx.site.documents:
        size_kb = max(1, round(d.size_bytes / 1024))
        size = (label("size_kb", lang, size=formats.format_number(size_kb, lang)) if size_kb < 1024
                else label("size_mb", lang, size=formats.format_number(round(d.size_bytes / 1048576, 1), lang)))
        docs.append({"title": d.title.in_(lang), "href": ctx.link(d.file), "type": d.type,
                     "language": formats.format_language(d.language, lang),
                     "doc_lang": d.language, "size": size, "extension": d.file.rsplit(".", 1)[-1].upper(),
                     "published": formats.format_day(d.published, lang) if d.published else "",
                     "description": d.description.in_(lang) if d.description else ""})
    return _render("documents.html", docs=docs, lang=lang, poster=ctx.link(poster_path(lang)))


def render_contact(ctx: PageContext) -> str:
    """Return who to contact, from data/project.yaml: name, people, address, phone and e-mail as links."""
    contact = ctx.site.project.contact
    if contact is None:
        return ""  # the check refuses the marker then
    lang = ctx.lang
    return _render("contact.html", lang=lang, name=contact.name.in_(lang),
                   people=contact.people.in_(lang) if contact.people else "",
                   address=contact.address.in_(lang) if contact.address else "",
                   phone=contact.phone or "", phone_uri=contact.phone_uri or "", email=contact.email or "")


def render_translation_notice(ctx: PageContext, *, untranslated: bool, original_url: str) -> str:
    """Tell readers, in their language, that a page is untranslated or its translation may be stale.

    ``original_url`` is the site-relative URL of the page in the default language.
    """
    source = ctx.default_lang
    message = label("untranslated" if untranslated else "stale_translation", ctx.lang)
    return _render("translation_notice.html", lang=ctx.lang, source_lang=source,
                   message=message.format(source=formats.format_language(source, ctx.lang)),
                   link_text=label("read_original", ctx.lang),
                   original=None if untranslated else ctx.link(original_url))


def render_funding_strip(site: Site, lang: str, *, asset_prefix: str) -> str:
    """Return the funding strip for the top of every page ('' for a project that shows no funder).

    ``asset_prefix`` is the relative path from the page to the site root, so the
    strip works on every page depth and on the 404 page.
    """
    funding = site.project.funding
    if not funding.signs and funding.statement is None:
        return ""
    signs = []
    for sign in funding.signs:
        lines = sign.label.in_(lang).split("\n")
        src = asset_prefix + (sign.logo or f"assets/microsite/funding/{sign.kind}.svg")
        signs.append({"kind": sign.kind, "lines": lines, "src": src, "alt": " ".join(lines)})
    return _render("funding_strip.html", signs=signs, lang=lang,
                   statement=funding.statement.in_(lang) if funding.statement else "",
                   slogan=funding.slogan.in_(lang) if funding.slogan else "")


def render_news(ctx: PageContext, posts, *, feed: bool) -> str:
    """Return the list of news posts, newest first, and the link to the news feed."""
    lang = ctx.lang
    items = [{"title": post.title, "description": post.description, "date": post.date.text(lang),
              "date_attr": post.date.iso(), "href": ctx.link(news_post_url(post.slug, lang, ctx.default_lang))}
             for post in posts]
    return _render("news.html", posts=items, empty=label("no_news", lang),
                   feed={"href": ctx.link(news_feed_path(lang)), "label": label("news_feed", lang)} if feed else None)
