"""The benchmark's results: the targets of issues 8 and 19, pass or fail, and the Markdown table.

The table goes to the terminal and between two markers in ``BENCHMARKS.md``,
so the hand-written parts of that file (method, profiles, before/after of
fixes) survive every re-run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .measure import Summary
from .transfer import Transfer

__all__ = ["BEGIN", "END", "Results", "Sizes", "Target", "evaluate", "render", "write_into"]

BEGIN = "<!-- bench:begin (written by `make bench`; edit outside these markers) -->"
END = "<!-- bench:end -->"

BUILD_RATIO = 1.10
"""Full build, CPU time, ours against bare (issue 19: at both sizes, the demo and M events)."""
STEP_SECONDS = 1.0
GROWTH = 2 * 1.15
HOME_BYTES = 150_000
PREVIEW_DEMO_SECONDS = 1.5
"""Preview of a data edit on the demo, from the save to the page showing it (issue 19)."""
PREVIEW_RATIO = 1.2
"""Preview at M events, ours against `mkdocs serve` of the same pages (issue 19)."""
CHECK_RATIO = 1.0
"""Our checks' own time against PyYAML's composer on the same files (issue 19; it retired 'validation ≤ 1 s')."""


@dataclass(frozen=True, slots=True)
class Sizes:
    """How big the synthetic projects are and how often each step runs."""

    pages: int
    """Editor pages per language."""
    build_events: int
    """M for the builds; they are also measured at 2M."""
    step_events: int
    """M for loading/validation and feeds; also measured at 2M."""
    build_runs: int
    """Runs of the M builds, ours and bare."""
    large_build_runs: int
    """Runs of our 2M build (the longest step: fewer runs keep `make bench` near ten minutes)."""
    step_runs: int
    demo_runs: int = 5
    """Runs of each build of the demo, ours and bare."""
    preview_runs: int = 3
    """Edits of each kind, on each server, on the demo."""
    large_preview_runs: int = 3
    """Edits of each kind, on each server, at M events (each is a full rebuild of thousands of pages)."""


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    goal: str
    measured: str
    passed: bool


@dataclass
class Results:
    """Everything one run measured."""

    sizes: Sizes
    quick: bool
    machine: dict[str, str]
    revision: str
    started: str
    load_before: str
    load_after: str = ""
    ours: dict[int, Summary] = field(default_factory=dict)
    """(1) full build with our hooks, by number of events (the print cache kept from the build before)."""
    cold: dict[int, Summary] = field(default_factory=dict)
    """(1) full build with our hooks after emptying the print cache (a fresh clone's first build): M and 0, the demo."""
    bare: Summary | None = None
    """(2) the same final pages built by Material + mkdocs-static-i18n alone, at M events."""
    validate: dict[int, Summary] = field(default_factory=dict)
    parse: dict[int, Summary] = field(default_factory=dict)
    """PyYAML's composer alone on the same data files, in its own process."""
    parse_inside: dict[int, float] = field(default_factory=dict)
    """Median CPU time the reading of the YAML into nodes took inside the check (our composer on libyaml's events)."""
    feeds: dict[int, Summary] = field(default_factory=dict)
    demo: dict[str, Summary] = field(default_factory=dict)
    """The demo's full build, 'ours' and 'bare'."""
    preview: dict[tuple[str, str, str], Summary] = field(default_factory=dict)
    """(project, edit kind, 'ours' or 'bare') → time from saving to the page showing the change."""
    pages: dict[str, int] = field(default_factory=dict)
    """HTML pages written by each build, to show both built the same set."""
    ordinary_bytes: dict[int, int] = field(default_factory=dict)
    """Median HTML size of an ordinary editor page, by number of events."""
    home_bytes: dict[int, int] = field(default_factory=dict)
    """HTML size of the home page, by number of events."""
    special_bytes: dict[str, int] = field(default_factory=dict)
    """Sizes of the files that list every event (schedule, search index, sitemap) at M, for the record."""
    feed_output: dict[int, dict] = field(default_factory=dict)
    transfers: list[Transfer] = field(default_factory=list)


def _growth(values: dict[int, Summary]) -> float:
    """Return how much CPU time grew from M to 2M (wall-clock time varies by up to 40 % on a shared machine)."""
    small, large = sorted(values)
    return values[large].cpu / values[small].cpu


def _wall_growth(values: dict[int, Summary]) -> float:
    small, large = sorted(values)
    return values[large].median / values[small].median


def check_ratio(r: Results, events: int) -> float:
    """Return our checks' own CPU time (the check less the reading of the YAML inside it) per composer second."""
    return (r.validate[events].cpu - r.parse_inside[events]) / r.parse[events].cpu


def _ratios(ours: Summary, bare: Summary) -> str:
    return f"{ours.cpu / bare.cpu:.2f} (wall {ours.median / bare.median:.2f})"


def evaluate(r: Results) -> list[Target]:
    """Return every target of the issues with what was measured."""
    m, m2 = sorted(r.ours)
    v, v2 = sorted(r.validate)
    p = r.sizes.pages
    targets = [
        Target(f"full build, CPU, ≤ {BUILD_RATIO:.2f} × bare build ({p} pages/lang, {m:,} events)",
               f"≤ {BUILD_RATIO:.2f}", _ratios(r.ours[m], r.bare), r.ours[m].cpu / r.bare.cpu <= BUILD_RATIO),
        Target(f"full build, CPU, ≤ {BUILD_RATIO:.2f} × bare build (the demo)", f"≤ {BUILD_RATIO:.2f}",
               _ratios(r.demo["ours"], r.demo["bare"]), r.demo["ours"].cpu / r.demo["bare"].cpu <= BUILD_RATIO),
        Target(f"first build of a fresh clone (print cache empty), CPU, ≤ {BUILD_RATIO:.2f} × bare build ({p} "
               f"pages/lang, {m:,} events)", f"≤ {BUILD_RATIO:.2f}", _ratios(r.cold[m], r.bare),
               r.cold[m].cpu / r.bare.cpu <= BUILD_RATIO),
        Target(f"first build of a fresh clone (print cache empty), CPU, ≤ {BUILD_RATIO:.2f} × bare build (the demo)",
               f"≤ {BUILD_RATIO:.2f}", _ratios(r.cold[0], r.demo["bare"]),
               r.cold[0].cpu / r.demo["bare"].cpu <= BUILD_RATIO),
    ]
    demo_data = r.preview[("demo", "data", "ours")]
    targets.append(Target("preview of a data edit, save to page shown (the demo)", f"≤ {PREVIEW_DEMO_SECONDS:.1f} s",
                          f"{demo_data.median:.2f} s", demo_data.median <= PREVIEW_DEMO_SECONDS))
    for kind in ("markdown", "data"):
        ours, bare = r.preview[(f"{m:,} events", kind, "ours")], r.preview[(f"{m:,} events", kind, "bare")]
        targets.append(Target(f"preview of a {kind} edit ≤ {PREVIEW_RATIO:.1f} × mkdocs serve ({p} pages/lang, "
                              f"{m:,} events), wall (CPU)", f"≤ {PREVIEW_RATIO:.1f}",
                              f"{ours.median / bare.median:.2f} ({ours.cpu / bare.cpu:.2f})",
                              ours.median / bare.median <= PREVIEW_RATIO))
    targets += [
        Target(f"our checks' own time : PyYAML's composer, same files ({v:,} events)", f"≤ {CHECK_RATIO:.0f} : 1",
               f"{check_ratio(r, v):.2f} : 1", check_ratio(r, v) <= CHECK_RATIO),
        Target(f"all feeds (every language) for {v:,} events", f"≤ {STEP_SECONDS:.1f} s",
               f"{r.feeds[v].median:.2f} s", r.feeds[v].median <= STEP_SECONDS),
    ]
    for name, values in (("full build", r.ours), ("validation", r.validate), ("feeds", r.feeds)):
        small, large = sorted(values)
        growth = _growth(values)
        targets.append(Target(f"{name}, CPU: {small:,} → {large:,} events at most doubles (+15%)",
                              f"≤ {GROWTH:.2f} ×", f"{growth:.2f} × (wall {_wall_growth(values):.2f} ×)",
                              growth <= GROWTH))
    o, o2 = (r.ordinary_bytes[m], r.ordinary_bytes[m2])
    targets.append(Target(f"median ordinary page does not grow with events ({m:,} → {m2:,})", "no growth",
                          f"{o:,} B → {o2:,} B", o2 <= o))
    for t in r.transfers:
        if t.label.startswith("ours"):
            # The list: HTML, CSS, JS, fonts, images. What scripts fetch after (the search
            # index, data) is a target of its own, so neither figure hides the other.
            targets.append(Target(f"home page {t.url} fully loaded, HTML+CSS+JS+fonts+images, compressed ({t.label})",
                                  f"≤ {HOME_BYTES // 1000} KB", f"{t.page_bytes / 1000:.1f} KB",
                                  t.page_bytes <= HOME_BYTES and not t.elsewhere))
            targets.append(Target(f"home page {t.url} with the data its scripts fetch (search index), compressed "
                                  f"({t.label})", f"≤ {HOME_BYTES // 1000} KB", f"{t.total / 1000:.1f} KB",
                                  t.total <= HOME_BYTES and not t.elsewhere))
    return targets


def _row(step: str, size: str, s: Summary) -> str:
    return (f"| {step} | {size} | {s.median:.2f} s | {s.low:.2f}–{s.high:.2f} s ({s.spread:.0%}) | {s.cpu:.2f} s "
            f"| {s.runs} | {s.peak_mb:.0f} MiB |")


def render(r: Results) -> str:
    """Return the results as Markdown: machine, measurements, targets, page weights."""
    out = [f"Run {r.started} on commit {r.revision}" + (" — **quick mode: reduced sizes, figures only indicative**"
                                                          if r.quick else "") + ".", "",
           "| machine | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in r.machine.items()]
    out += [f"| Load average (1/5/15 min) | before {r.load_before}; after {r.load_after} |", ""]
    p = r.sizes.pages
    out += ["| step | project | median | min–max (spread) | CPU | runs | peak memory |",
            "|---|---|---:|---:|---:|---:|---:|"]
    out.append(_row("(1) full build, our hooks", "the demo", r.demo["ours"]))
    out.append(_row("(1) full build, our hooks, print cache empty", "the demo", r.cold[0]))
    out.append(_row("(2) bare Material + i18n, same pages", "the demo", r.demo["bare"]))
    for events, s in sorted(r.ours.items()):
        out.append(_row("(1) full build, our hooks", f"{p} pages/lang, {events:,} events", s))
    m = min(r.ours)
    out.append(_row("(1) full build, our hooks, print cache empty", f"{p} pages/lang, {m:,} events", r.cold[m]))
    out.append(_row("(2) bare Material + i18n, same pages", f"{p} pages/lang, {m:,} events", r.bare))
    for events, s in sorted(r.validate.items()):
        out.append(_row("(3) loading and validation", f"{p} pages/lang, {events:,} events", s))
        out.append(_row("(3) PyYAML's composer alone, same data files", f"{events:,} events", r.parse[events]))
    for events, s in sorted(r.feeds.items()):
        files = r.feed_output[events]
        out.append(_row("(4) feeds, every language", f"{events:,} events → {files['files']:,} files, "
                        f"{files['bytes'] / 1e6:.1f} MB", s))
    out += ["", f"**Full build (1)/(2), CPU: {r.ours[m].cpu / r.bare.cpu:.2f} at {m:,} events, "
                f"{r.demo['ours'].cpu / r.demo['bare'].cpu:.2f} on the demo**; wall-clock: "
                f"{r.ours[m].median / r.bare.median:.2f} ({r.ours[m].median:.2f} s / {r.bare.median:.2f} s) and "
                f"{r.demo['ours'].median / r.demo['bare'].median:.2f} "
                f"({r.demo['ours'].median:.2f} s / {r.demo['bare'].median:.2f} s). HTML pages written at {m:,} "
                f"events: ours {r.pages['ours']:,}, bare {r.pages['bare']:,}. With the print cache emptied first "
                f"(a fresh clone's first build: every poster and flyer drawn), CPU: "
                f"{r.cold[m].cpu / r.bare.cpu:.2f} at {m:,} events, "
                f"{r.cold[0].cpu / r.demo['bare'].cpu:.2f} on the demo. In seconds of CPU, what our build adds to the "
                f"bare one: {(r.demo['ours'].cpu - r.demo['bare'].cpu) * 1000:.0f} ms on the demo (bare "
                f"{r.demo['bare'].cpu * 1000:.0f} ms), {r.ours[m].cpu - r.bare.cpu:.2f} s at {m:,} events (bare "
                f"{r.bare.cpu:.2f} s).", ""]
    v = min(r.validate)
    out += [f"**Our checks' own time : PyYAML's composer = {check_ratio(r, v):.2f} : 1** at {v:,} events (CPU: the "
            f"check {r.validate[v].cpu:.2f} s, of which reading the YAML into nodes {r.parse_inside[v]:.2f} s, by our "
            f"composer on libyaml's events; PyYAML's composer alone on the same files, in a process of its own, "
            f"{r.parse[v].cpu:.2f} s: ours reads them in {r.parse_inside[v] / r.parse[v].cpu:.2f} × its time).", ""]
    out += ["(5) The preview: from saving a file to the page showing the change. Ours is `make serve` "
            "(`hooks/preview.py`), bare is `mkdocs serve` of the bare project; both run at once and are edited in "
            "turn. CPU is the server process's own over the same interval.", "",
            "| project | edit | ours | bare | ours/bare | CPU ours | CPU bare | CPU ours/bare | runs |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for project in dict.fromkeys(key[0] for key in r.preview):
        for kind in ("markdown", "data"):
            ours, bare = r.preview[(project, kind, "ours")], r.preview[(project, kind, "bare")]
            out.append(f"| {project} | {kind} | {ours.median:.2f} s ({ours.spread:.0%}) | {bare.median:.2f} s "
                       f"({bare.spread:.0%}) | {ours.median / bare.median:.2f} | {ours.cpu:.2f} s | {bare.cpu:.2f} s "
                       f"| {ours.cpu / bare.cpu:.2f} | {ours.runs} |")
    out.append("")
    out += ["| target | goal | measured | |", "|---|---|---|---|"]
    out += [f"| {t.name} | {t.goal} | {t.measured} | {'pass' if t.passed else '**FAIL**'} |" for t in evaluate(r)]
    out += ["", "Sizes (HTML, uncompressed): median ordinary page "
            + ", ".join(f"{b:,} B at {e:,} events" for e, b in sorted(r.ordinary_bytes.items())) + "; home page "
            + ", ".join(f"{b:,} B at {e:,} events" for e, b in sorted(r.home_bytes.items())) + "; at "
            + f"{m:,} events: " + ", ".join(f"{name} {b:,} B" for name, b in r.special_bytes.items()) + ".", ""]
    out += ["Home page transfer in Chromium (gzip for text, status lines and headers included). *Page* is HTML, "
            "CSS, JS, fonts and images; *data* is what Material's scripts fetch after it (search index, sitemaps); "
            "*first search* is what the browser fetched when a word was then typed into the search box.",
            "", "| build | page | responses | page | data | total | first search |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for t in r.transfers:
        out.append(f"| {t.label} | `{t.url}` | {len(t.responses)} | {t.page_bytes / 1000:.1f} KB "
                   f"| {(t.total - t.page_bytes) / 1000:.1f} KB | {t.total / 1000:.1f} KB "
                   f"| {t.first_search_bytes / 1000:.1f} KB |"
                   + (f" requests to other hosts: {', '.join(t.elsewhere)}" if t.elsewhere else ""))
    first = r.transfers[0]
    out += ["", f"What `{first.url}` ({first.label}) fetched:", "",
            "| path | type | status | size | sent |", "|---|---|---:|---:|---:|"]
    out += [f"| `{x.path}` | {x.content_type} | {x.status} | {x.raw_bytes:,} B | {x.sent_bytes:,} B |"
            for x in first.responses]
    return "\n".join(out).rstrip() + "\n"


def write_into(path: Path, table: str) -> None:
    """Put ``table`` between the markers of ``path`` (created with just the table if missing)."""
    block = f"{BEGIN}\n\n{table}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        raise ValueError(f"{path} lacks the markers {BEGIN!r} and {END!r}; put them where the table goes")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(head + block + tail, encoding="utf-8")
