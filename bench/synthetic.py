"""A synthetic project of any size, made from the repository's own pieces.

Why: what editors of a big programme wait for is the build of hundreds of
pages and thousands of events; the demo has nine events. The synthetic project
is the demo project (``tests/fixtures/demo``: ``mkdocs.yml``, ``content/``, project
and partners) with the generator's ``hooks/`` and ``overrides/``, plus generated venues, ``events`` events (the demo's own
included: its pages name them) and ``pages`` editor pages per language. Everything is derived from counters, never from a random
source, so two runs give the same files and the M and 2M projects differ only
in their events.

The events mix what a real programme runs: weekly and fortnightly duty hours
(``repeat``, with skipped and cancelled dates), single meetings, trainings and
workshops (some cancelled, rescheduled, postponed or moved online, some
all-day), and multi-day study visits whose sessions are in venues abroad, in
other time zones.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

__all__ = ["ARTICLES_DIR", "NOW", "REPO", "Plan", "generate", "plan_events"]

REPO = Path(__file__).resolve().parents[1]
"""The generator's checkout: its adapter and theme go into the synthetic project."""
DEMO = REPO / "tests" / "fixtures" / "demo"
"""The frozen demo project the synthetic one grows from (never the live data/ and content/)."""
NOW = "2020-01-15T12:00:00Z"
"""The build's "now" (``MICROSITE_NOW``): mid-range, so about half the events are upcoming."""
ARTICLES_DIR = "articles"
"""Where the generated editor pages go, inside each language folder."""

_FIRST_DAY = date(2019, 1, 7)  # a Monday
_SPAN_DAYS = 728  # two years of events, whatever their number
_RECURRING_SHARE = 0.45
_VISIT_SHARE = 0.01
_SLOT_LENGTHS = (52, 40, 26, 30)  # dates per slot before 'except' removes one
_GENERATOR = ("hooks", "overrides")
_LANGS = ("pl", "en")


@dataclass(frozen=True, slots=True)
class Plan:
    """How many events of each sort a project of ``total`` events gets."""

    total: int
    visits: int
    recurring: int
    """Occurrences expanded from weekly and fortnightly slots."""
    singles: int


def plan_events(total: int) -> Plan:
    """Split ``total`` events into study visits, recurring occurrences and single events."""
    if total < 10:
        raise ValueError(f"a synthetic project needs at least 10 events, not {total}")
    visits = max(1, round(total * _VISIT_SHARE))
    recurring = round(total * _RECURRING_SHARE)
    return Plan(total, visits, recurring, total - visits - recurring)


def generate(dest: Path, *, pages: int, events: int) -> Path:
    """Write a project with ``pages`` editor pages per language and ``events`` events into ``dest``."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in _GENERATOR:
        shutil.copytree(REPO / name, dest / name, dirs_exist_ok=True)
    shutil.copytree(DEMO / "content", dest / "content", dirs_exist_ok=True)
    shutil.copyfile(DEMO / "mkdocs.yml", dest / "mkdocs.yml")
    data = dest / "data"
    data.mkdir(exist_ok=True)
    for name in ("project.yaml", "partners.yaml"):
        shutil.copyfile(DEMO / "data" / name, data / name)
    (data / "venues.yaml").write_text((DEMO / "data" / "venues.yaml").read_text(encoding="utf-8").rstrip("\n")
                                      + "\n\n" + _venues_yaml(), encoding="utf-8")
    demo_text, demo_count = _demo_events()
    (data / "events.yaml").write_text(demo_text + _events_yaml(plan_events(events - demo_count)),
                                      encoding="utf-8")
    _write_articles(dest / "content", pages)
    return dest


# --- venues ------------------------------------------------------------------------------------

_CITIES = ("Krosno", "Przemyśl", "Rzeszów", "Jasło", "Sanok", "Dębica", "Mielec", "Tarnobrzeg", "Stalowa Wola",
           "Łańcut", "Jarosław", "Ustrzyki Dolne")
_PLACES = ("Dom Kultury", "Biblioteka Miejska", "Centrum Aktywności Lokalnej")


@dataclass(frozen=True, slots=True)
class _Abroad:
    id: str
    name: str
    city_pl: str
    city_en: str
    country: str
    timezone: str


_ABROAD = (
    _Abroad("bench-london-hall", "Community Hall", "Londyn", "London", "GB", "Europe/London"),
    _Abroad("bench-manchester-centre", "Neighbourhood Centre", "Manchester", "Manchester", "GB", "Europe/London"),
    _Abroad("bench-lincoln-library", "Central Library", "Lincoln", "Lincoln", "GB", "Europe/London"),
    _Abroad("bench-oslo-huset", "Frivillighetshuset", "Oslo", "Oslo", "NO", "Europe/Oslo"),
    _Abroad("bench-lisbon-casa", "Casa da Comunidade", "Lizbona", "Lisbon", "PT", "Europe/Lisbon"),
    _Abroad("bench-helsinki-talo", "Kansalaistalo", "Helsinki", "Helsinki", "FI", "Europe/Helsinki"),
)
_VISIT_ROUTES = (  # the venues of a visit, one per day; the first one's zone is the visit's
    ("bench-london-hall", "bench-manchester-centre", "bench-lincoln-library"),
    ("bench-london-hall", "bench-london-hall", "bench-oslo-huset"),
    ("bench-lisbon-casa", "bench-lisbon-casa"),
    ("bench-helsinki-talo", "bench-helsinki-talo", "bench-oslo-huset"),
)


def _q(text: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: colons and quotes stay text.
    return json.dumps(text, ensure_ascii=False)


def _home_venue_ids() -> list[str]:
    return [f"bench-{c}-{p}" for c in range(len(_CITIES)) for p in range(len(_PLACES))]


def _venues_yaml() -> str:
    lines = ["  # Generated by bench/synthetic.py."]
    for c, city in enumerate(_CITIES):
        for p, place in enumerate(_PLACES):
            lines += [f"  - id: bench-{c}-{p}", f"    name: {_q(f'{place} w mieście {city}')}",
                      f"    street: {_q(f'ul. Długa {c * 3 + p + 1}')}", f"    postal_code: \"{30 + c}-{100 + 10 * p + c}\"",
                      f"    city: {_q(city)}", "    country: PL", ""]
    for v in _ABROAD:
        lines += [f"  - id: {v.id}", f"    name: {_q(v.name)}", "    city:", f"      pl: {_q(v.city_pl)}",
                  f"      en: {_q(v.city_en)}", f"    country: {v.country}", f"    timezone: {v.timezone}", ""]
    return "\n".join(lines)


# --- events ------------------------------------------------------------------------------------

_SINGLE_KINDS = ("information_meeting", "recruitment_meeting", "training", "workshop", "working_meeting",
                 "duty_hours")
_TITLES = {
    "information_meeting": ("Spotkanie informacyjne: {city}", "Information meeting: {city}"),
    "recruitment_meeting": ("Spotkanie rekrutacyjne: {city}", "Recruitment meeting: {city}"),
    "training": ("Szkolenie „Podstawy Community Organising”, {city}", "Training “Community Organising basics”, {city}"),
    "workshop": ("Warsztaty sąsiedzkie: {city}", "Neighbourhood workshop: {city}"),
    "working_meeting": ("Spotkanie robocze zespołu, {city}", "Team working meeting, {city}"),
    "duty_hours": ("Dyżur informacyjny: {city}", "Information duty hours: {city}"),
}
_PARTNERS = ("cds", "british-council", "community-organisers")


def _day(offset: int) -> date:
    return _FIRST_DAY + timedelta(days=offset % _SPAN_DAYS)


def _at(day: date, hour: int, minute: int = 0) -> str:
    return datetime(day.year, day.month, day.day, hour, minute).strftime("%Y-%m-%d %H:%M")


def _title(kind: str, city: str, number: int) -> list[str]:
    pl, en = _TITLES[kind]
    return ["    title:", f"      pl: {_q(pl.format(city=city) + f' (nr {number})')}",
            f"      en: {_q(en.format(city=city) + f' (no. {number})')}"]


def _demo_events() -> tuple[str, int]:
    """Return the demo's events file (its pages name its events) and how many events it holds."""
    from microsite.load import load_site  # the bench's own use of the core, not the project's

    site, _ = load_site(DEMO)
    return (DEMO / "data" / "events.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n\n", len(site.events)


def _events_yaml(plan: Plan) -> str:
    out = ["  # Generated by bench/synthetic.py: "
           f"{plan.total} events ({plan.visits} study visits, {plan.recurring} recurring, {plan.singles} single)."]
    out += _visits(plan.visits)
    out += _slots(plan.recurring)
    out += _singles(plan.singles)
    return "\n".join(out) + "\n"


def _visits(count: int) -> list[str]:
    out = []
    for i in range(count):
        route = _VISIT_ROUTES[i % len(_VISIT_ROUTES)]
        venues = {v.id: v for v in _ABROAD}
        first = _day(i * 53 + 20)
        last = first + timedelta(days=len(route) - 1)
        cities_pl = ", ".join(dict.fromkeys(venues[v].city_pl for v in route))
        cities_en = ", ".join(dict.fromkeys(venues[v].city_en for v in route))
        out += [f"  - id: wizyta-studyjna-{i + 1:04d}", "    kind: study_visit", "    title:",
                f"      pl: {_q(f'Wizyta studyjna: {cities_pl} (nr {i + 1})')}",
                f"      en: {_q(f'Study visit: {cities_en} (no. {i + 1})')}",
                "    description:", "      pl: \"Program wizyty: spotkania z organizatorami społeczności i wizje lokalne.\"",
                "      en: \"The programme: meetings with community organisers and site visits.\"",
                f"    start: {first.isoformat()}", f"    end: {last.isoformat()}",
                f"    timezone: {venues[route[0]].timezone}", f"    organiser: {_PARTNERS[i % 3]}", "    sessions:"]
        for d, venue in enumerate(route):
            day = first + timedelta(days=d)
            for s, (start, end, pl, en) in enumerate(((9, 12, "Spotkanie poranne", "Morning meeting"),
                                                       (13, 16, "Wizja lokalna", "Site visit"))):
                out += [f"      - id: dzien-{d + 1}-{s + 1}", f"        start: {_at(day, start, 30)}",
                        f"        end: {_at(day, end)}", f"        venue: {venue}", "        title:",
                        f"          pl: {_q(f'{pl} – {venues[venue].city_pl}')}",
                        f"          en: {_q(f'{en} – {venues[venue].city_en}')}"]
        out.append("")
    return out


def _slots(count: int) -> list[str]:
    """Return weekly and fortnightly duty-hour slots that expand to exactly ``count`` occurrences."""
    out = []
    homes = _home_venue_ids()
    left, i = count, 0
    while left > 0:
        length = _SLOT_LENGTHS[i % len(_SLOT_LENGTHS)]
        skip = left >= 6  # a skipped (3rd) and a cancelled (5th) date need a slot of six dates or more
        dates = min(length, left + 1) if skip else left
        weeks = 2 if i % 3 == 2 else 1
        first = _day(i * 17)
        until = first + timedelta(weeks=weeks * (dates - 1))
        city = _CITIES[i % len(_CITIES)]
        out += [f"  - id: dyzur-{i + 1:04d}", "    kind: duty_hours", *_title("duty_hours", city, i + 1),
                f"    start: {_at(first, 9 + 6 * (i % 2))}", f"    end: {_at(first, 13 + 6 * (i % 2))}",
                f"    venue: {homes[(i * 3) % len(homes)]}", f"    organiser: {_PARTNERS[i % 2]}", "    repeat:",
                f"      every: {'2 weeks' if weeks == 2 else 'week'}", f"      until: {until.isoformat()}"]
        if skip:
            out += [f"      except: [{(first + timedelta(weeks=weeks * 2)).isoformat()}]",
                    f"      cancelled: [{(first + timedelta(weeks=weeks * 4)).isoformat()}]"]
        out.append("")
        left -= dates - 1 if skip else dates
        i += 1
    return out


def _singles(count: int) -> list[str]:
    out = []
    homes = _home_venue_ids()
    for i in range(count):
        kind = _SINGLE_KINDS[i % len(_SINGLE_KINDS)]
        venue = homes[(i * 7) % len(homes)]
        city = _CITIES[(i * 7) % len(homes) // len(_PLACES)]
        day = _day(i * 131 + i // 5)
        hour = 9 + i % 9
        out += [f"  - id: wydarzenie-{i + 1:05d}", f"    kind: {kind}", *_title(kind, city, i + 1)]
        if kind == "working_meeting":
            out += [f"    start: {day.isoformat()}", f"    end: {(day + timedelta(days=i % 2)).isoformat()}"]
        elif kind == "training":  # two days, 09:00 on the first to 16:00 on the second
            out += [f"    start: {_at(day, 9)}", f"    end: {_at(day + timedelta(days=1), 16)}"]
        else:
            out += [f"    start: {_at(day, hour)}", f"    end: {_at(day, hour + 2)}"]
        online = i % 11 == 4
        if online:
            out.append(f"    online_url: https://meet.example.org/spotkanie-{i + 1}")
        else:
            out.append(f"    venue: {venue}")
        if i % 3 == 0:
            out += ["    description:",
                    f"      pl: {_q(f'Opowiemy o projekcie i o tym, jak się zapisać. Spotkanie nr {i + 1}.')}",
                    f"      en: {_q(f'We will explain the project and how to sign up. Meeting no. {i + 1}.')}"]
        if i % 4 == 1:
            out += ["    audience:", "      pl: mieszkańcy obszarów rewitalizacji",
                    "      en: residents of revitalisation areas"]
        if i % 5 == 2:
            out.append(f"    registration_url: https://zapisy.example.org/{i + 1}")
        if i % 2 == 0:
            out.append(f"    organiser: {_PARTNERS[i % 3]}")
        out += _status(i, kind, day, hour, online)
        out.append("")
    return out


def _status(i: int, kind: str, day: date, hour: int, online: bool) -> list[str]:
    """Return the status lines of the ``i``-th single event: most are scheduled, some changed."""
    timed = kind not in ("working_meeting",)
    if i % 10 == 3:
        return ["    status: cancelled"]
    if i % 13 == 5 and timed:
        before = day - timedelta(days=7)
        start = _at(before, 9) if kind == "training" else _at(before, hour)
        return ["    status: rescheduled", f"    previous_start: {start}"]
    if i % 17 == 7:
        return ["    status: postponed"]
    if i % 19 == 9 and not online:
        return ["    status: moved_online", f"    online_url: https://meet.example.org/online-{i + 1}"]
    if i % 23 == 11:
        return ["    revision: 1"]
    return []


# --- editor pages ------------------------------------------------------------------------------

_PARAGRAPHS = {
    "pl": (
        "Organizatorzy Społeczni spotykają się z mieszkańcami tam, gdzie ci na co dzień bywają: na klatkach "
        "schodowych, w sklepach osiedlowych, na przystankach i w parafialnych salkach. Słuchają, o czym ludzie "
        "rozmawiają, co ich martwi i co chcieliby zmienić w swojej okolicy, a potem pomagają im się zorganizować.",
        "W każdym mieście pracuje sześć osób, które przeszły szkolenie z podstaw Community Organising. Każda z nich "
        "przeprowadza co miesiąc kilkadziesiąt rozmów, notuje powtarzające się tematy i zaprasza mieszkańców na "
        "spotkania, podczas których wspólnie wybierają jedną sprawę do załatwienia.",
        "Wnioski z etapu testowania pokazują, że najwięcej czasu zajmuje budowanie zaufania. Mieszkańcy obszarów "
        "rewitalizacji często słyszeli już obietnice, z których nic nie wynikło, dlatego pierwsze małe sukcesy – "
        "naprawiona ławka, oświetlone przejście, wspólne sprzątanie podwórka – mają ogromne znaczenie.",
        "Partner zagraniczny dzieli się doświadczeniem z kilkunastu lat pracy w Wielkiej Brytanii. Podczas spotkań "
        "roboczych omawiamy konkretne przypadki: jak poprowadzić rozmowę z osobą nieufną, jak zaprosić do działania "
        "kogoś, kto dotąd stał z boku, i jak nie przejmować odpowiedzialności za cudze inicjatywy.",
        "Samorządy Krosna i Przemyśla uczestniczą w projekcie jako instytucje użytkownika. Ich przedstawiciele biorą "
        "udział w spotkaniach podsumowujących i pomagają wpisać pracę Organizatorów Społecznych w miejskie plany "
        "działań, tak aby rozwiązanie przetrwało po zakończeniu finansowania.",
    ),
    "en": (
        "Community Organisers meet residents where they already are: on staircases, in local shops, at bus stops "
        "and in parish halls. They listen to what people talk about, what worries them and what they would like "
        "to change in their neighbourhood, and then help them organise.",
        "Six people in each town have been trained in the basics of Community Organising. Each of them holds "
        "dozens of conversations a month, notes the topics that keep coming back, and invites residents to "
        "meetings where together they choose one issue to work on.",
        "The lessons of the testing stage show that building trust takes the most time. Residents of "
        "revitalisation areas have often heard promises that came to nothing, so the first small successes – a "
        "repaired bench, a lit passage, a courtyard cleaned together – matter a great deal.",
        "The foreign partner shares its experience of more than a decade of work in the United Kingdom. In "
        "working meetings we discuss real cases: how to talk with someone who is distrustful, how to invite "
        "someone who has always stood aside, and how not to take over other people's initiatives.",
        "The municipalities of Krosno and Przemyśl take part in the project as user institutions. Their "
        "representatives attend the review meetings and help to write the Community Organisers' work into the "
        "towns' action plans, so that the solution lasts after the funding ends.",
    ),
}
_WORDS = {
    "pl": {"title": "Z pracy Organizatorów Społecznych – notatka {n}", "lead": "Notatka nr {n} z pracy w terenie.",
           "h_field": "W terenie", "h_numbers": "W liczbach", "h_next": "Co dalej", "month": "Miesiąc",
           "talks": "Rozmowy", "meetings": "Spotkania", "list": ("rozmowy na osiedlach", "spotkania sąsiedzkie",
                                                               "dyżury informacyjne", "wizyty studyjne"),
           "schedule": "Terminy najbliższych spotkań są w [harmonogramie](../schedule/index.md).",
           "prev": "Poprzednia notatka", "archive": "Archiwum notatek", "description": "Notatka nr {n} z pracy "
           "Organizatorów Społecznych w Krośnie i Przemyślu."},
    "en": {"title": "From the Community Organisers' work – note {n}", "lead": "Field note no. {n}.",
           "h_field": "In the field", "h_numbers": "In numbers", "h_next": "What next", "month": "Month",
           "talks": "Conversations", "meetings": "Meetings", "list": ("conversations on estates",
                                                                      "neighbourhood meetings",
                                                                      "information duty hours", "study visits"),
           "schedule": "The dates of the next meetings are in the [schedule](../schedule/index.md).",
           "prev": "Previous note", "archive": "Archive of notes", "description": "Field note no. {n} from the "
           "Community Organisers' work in Krosno and Przemyśl."},
}


def _demo_pages() -> int:
    return len(list((DEMO / "content" / _LANGS[0]).rglob("*.md")))


def _article(lang: str, n: int) -> str:
    w = _WORDS[lang]
    paras = _PARAGRAPHS[lang]
    body = [f"---\ntitle: {_q(w['title'].format(n=n))}\ndescription: {_q(w['description'].format(n=n))}\n---\n",
            f"# {w['title'].format(n=n)}\n", f"*{w['lead'].format(n=n)}*\n", f"## {w['h_field']}\n"]
    body += [paras[(n + k) % len(paras)] + "\n" for k in range(3)]
    body += [f"- **{item}**: {(n * (k + 3)) % 40 + 1}" for k, item in enumerate(w["list"])] + [""]
    body += [f"## {w['h_numbers']}\n", f"| {w['month']} | {w['talks']} | {w['meetings']} |", "|---|---:|---:|"]
    body += [f"| {k + 1:02d}/2019 | {(n * 7 + k * 13) % 90 + 10} | {(n + k) % 6 + 1} |" for k in range(6)] + [""]
    body += [f"## {w['h_next']}\n", paras[(n + 3) % len(paras)] + "\n", w["schedule"] + "\n"]
    if n > 1:
        body.append(f"{w['prev']}: [{w['title'].format(n=n - 1)}](artykul-{n - 1:04d}.md)\n")
    return "\n".join(body)


def _write_articles(content: Path, pages: int) -> None:
    """Add editor pages so that each language has ``pages`` of them, linked from the news page."""
    count = pages - _demo_pages()
    if count < 1:
        raise ValueError(f"the demo already has {_demo_pages()} pages per language; ask for more than that")
    for lang in _LANGS:
        folder = content / lang / ARTICLES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        links = []
        for n in range(1, count + 1):
            (folder / f"artykul-{n:04d}.md").write_text(_article(lang, n), encoding="utf-8")
            links.append(f"- [{_WORDS[lang]['title'].format(n=n)}](../{ARTICLES_DIR}/artykul-{n:04d}.md)")
        news = content / lang / "news" / "index.md"
        news.write_text(news.read_text(encoding="utf-8").rstrip("\n") + f"\n\n## {_WORDS[lang]['archive']}\n\n"
                        + "\n".join(links) + "\n", encoding="utf-8")
