"""The benchmark's results: the targets of issue 8, pass or fail, and the Markdown table.

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
STEP_SECONDS = 1.0
GROWTH = 2 * 1.15
HOME_BYTES = 150_000


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
    """(1) full build with our hooks, by number of events."""
    bare: Summary | None = None
    """(2) the same final pages built by Material + mkdocs-static-i18n alone, at M events."""
    validate: dict[int, Summary] = field(default_factory=dict)
    feeds: dict[int, Summary] = field(default_factory=dict)
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
    small, large = sorted(values)
    return values[large].median / values[small].median


def evaluate(r: Results) -> list[Target]:
    """Return every target of the issue with what was measured."""
    m, m2 = sorted(r.ours)
    v, v2 = sorted(r.validate)
    targets = [
        Target(f"full build ≤ {BUILD_RATIO:.2f} × bare build ({r.sizes.pages} pages/lang, {m:,} events)",
               f"≤ {BUILD_RATIO:.2f}", f"{r.ours[m].median / r.bare.median:.2f}",
               r.ours[m].median / r.bare.median <= BUILD_RATIO),
        Target(f"validation of {v:,} events", f"≤ {STEP_SECONDS:.1f} s", f"{r.validate[v].median:.2f} s",
               r.validate[v].median <= STEP_SECONDS),
        Target(f"all feeds (every language) for {v:,} events", f"≤ {STEP_SECONDS:.1f} s",
               f"{r.feeds[v].median:.2f} s", r.feeds[v].median <= STEP_SECONDS),
    ]
    for name, values in (("full build", r.ours), ("validation", r.validate), ("feeds", r.feeds)):
        small, large = sorted(values)
        growth = _growth(values)
        targets.append(Target(f"{name}: {small:,} → {large:,} events at most doubles (+15%)", f"≤ {GROWTH:.2f} ×",
                              f"{growth:.2f} ×", growth <= GROWTH))
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
    for events, s in sorted(r.ours.items()):
        out.append(_row("(1) full build, our hooks", f"{p} pages/lang, {events:,} events", s))
    m = min(r.ours)
    out.append(_row("(2) bare Material + i18n, same pages", f"{p} pages/lang, {m:,} events", r.bare))
    for events, s in sorted(r.validate.items()):
        out.append(_row("(3) loading and validation", f"{p} pages/lang, {events:,} events", s))
    for events, s in sorted(r.feeds.items()):
        files = r.feed_output[events]
        out.append(_row("(4) feeds, every language", f"{events:,} events → {files['files']:,} files, "
                        f"{files['bytes'] / 1e6:.1f} MB", s))
    out += ["", f"**Ratio (1)/(2) = {r.ours[m].median / r.bare.median:.2f}** "
                f"({r.ours[m].median:.2f} s / {r.bare.median:.2f} s; "
                f"HTML pages written: ours {r.pages['ours']:,}, bare {r.pages['bare']:,}).", ""]
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
