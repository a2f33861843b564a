"""``make bench``: build cost at scale, measured against bare Material in one run on one machine.

Generates synthetic projects (:mod:`bench.synthetic`), then measures, each in
its own process: (1) the full build with our hooks at M and 2M events, and of
the demo, with what the build before kept (``.cache/microsite``), and at M and
of the demo with it emptied first (a fresh clone's first build); (2) a bare
Material + mkdocs-static-i18n build of the same final pages (:mod:`bench.bare`),
at M and of the demo; (3) loading and validation,
beside PyYAML's composer alone on the same files, and (4) every feed, at a
larger M and 2M; (5) the preview's time from saving a Markdown page or a data
file to the page showing it, ours beside ``mkdocs serve`` of the same pages, on
the demo and at M (:mod:`bench.preview`); plus the weight of an ordinary page at
M and 2M and the home page's compressed transfer (:mod:`bench.transfer`).
Timings are medians of several runs, interleaved so that a burst of load
elsewhere hits every step alike; CPU time is reported beside wall-clock time.
It prints the table and, with ``--out``, writes it into ``BENCHMARKS.md``.
The build projects are git repositories with a history of edits
(:mod:`bench.history`): reading it is part of every build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from microsite.buildcache import CACHE_FOLDER

from .bare import CAPTURE_CONFIG, bare_project, capture_config
from .capture_hook import DUMP
from .history import commit_history
from .machine import describe, git_revision, load_average
from .measure import Sample, run, run_step, summarize
from .preview import EDITS, Server, edit_to_visible
from .report import Results, Sizes, render, write_into
from .synthetic import ARTICLES_DIR, DEMO, NOW, REPO, generate
from .transfer import free_port, measure_home

FULL = Sizes(pages=300, build_events=2000, step_events=10_000, build_runs=3, large_build_runs=2, step_runs=3,
             demo_runs=7, preview_runs=5, large_preview_runs=5)
QUICK = Sizes(pages=40, build_events=200, step_events=1000, build_runs=3, large_build_runs=1, step_runs=3,
              demo_runs=5, preview_runs=3, large_preview_runs=3)
HISTORY_COMMITS = 250
"""Commits after the first in a build project, each changing one event: calendars count changes from them."""


def _env(site_url: str) -> dict[str, str]:
    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", MICROSITE_NOW=NOW,
                MICROSITE_SITE_URL=site_url, SOURCE_DATE_EPOCH=str(int(now.timestamp())))


def _build(root: Path, site: Path, *, config: str = "mkdocs.yml", env: dict[str, str]) -> Sample:
    shutil.rmtree(site, ignore_errors=True)
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file",
                str(root / config), "--site-dir", str(site)], cwd=root, env=env)


def _demo(dest: Path) -> Path:
    """Copy the frozen demo project with the generator's adapter and theme."""
    shutil.copytree(DEMO, dest)
    for part in ("hooks", "overrides"):
        shutil.copytree(REPO / part, dest / part)
    return dest


def _bare(root: Path, work: Path, name: str, env: dict[str, str]) -> Path:
    """Capture our final pages of ``root`` (one untimed build) and make its bare project."""
    dump = work / f"captured-{name}"
    _build(root, work / f"site-capture-{name}", config=capture_config(root).name, env={**env, DUMP: str(dump)})
    (root / CAPTURE_CONFIG).unlink()
    bare = work / f"bare-{name}"
    bare_project(root, dump, bare)
    return bare


def _previews(pairs: dict[str, tuple[Path, Path]], runs: dict[str, int], work: Path, env: dict[str, str]
              ) -> dict[tuple[str, str, str], list[Sample]]:
    """Run ours and bare `mkdocs serve` side by side on each project; time each kind of edit, alternately."""
    samples: dict[tuple[str, str, str], list[Sample]] = {}
    for name, (ours_root, bare_root) in pairs.items():
        servers = {"ours": Server(f"ours ({name})", ours_root, ours=True, env=env, log=work / f"serve-ours-{name}.log"),
                   "bare": Server(f"bare ({name})", bare_root, ours=False, env=env,
                                  log=work / f"serve-bare-{name}.log")}
        try:
            for server in servers.values():
                server.wait_ready(timeout=900)
            for run_number in range(runs[name]):
                for edit in EDITS:
                    for kind, server in servers.items():
                        _say(f"(5) preview, {name}, {edit.kind} edit, {kind}, run {run_number + 1}")
                        samples.setdefault((name, edit.kind, kind), []).append(edit_to_visible(server, edit))
        finally:
            for server in servers.values():
                server.stop()
    return samples


def _html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def _median_size(site: Path, pattern: str) -> int:
    return int(statistics.median(p.stat().st_size for p in site.glob(pattern)))


def _say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure(sizes: Sizes, work: Path, *, quick: bool) -> Results:
    """Generate the projects, run every step, and return what was measured."""
    # Built for the address they are served from at the end: hreflang links are absolute and
    # Material fetches the sitemap through them, so the transfer must include that request.
    port = free_port()
    env = _env(f"http://127.0.0.1:{port}/")
    results = Results(sizes, quick, describe(), git_revision(REPO),
                      datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), load_average())
    m, s = sizes.build_events, sizes.step_events
    _say(f"generating projects: {sizes.pages} pages per language; {m:,}/{2 * m:,} and {s:,}/{2 * s:,} events")
    builds = {n: commit_history(generate(work / f"build-{n}", pages=sizes.pages, events=n), HISTORY_COMMITS)
              for n in (m, 2 * m)}
    steps = {n: generate(work / f"steps-{n}", pages=sizes.pages, events=n) for n in (s, 2 * s)}

    samples: dict[tuple[str, int], list[Sample]] = {}
    for run_number in range(sizes.step_runs):
        for n, root in steps.items():
            for step in ("validate", "parse", "feeds"):
                _say(f"({4 if step == 'feeds' else 3}) {step}, {n:,} events, run {run_number + 1}")
                samples.setdefault((step, n), []).append(run_step(step, root, env=env))
    results.validate = {n: summarize(samples[("validate", n)]) for n in steps}
    results.parse = {n: summarize(samples[("parse", n)]) for n in steps}
    results.parse_inside = {n: statistics.median(s.result["parse_cpu"] for s in samples[("validate", n)])
                            for n in steps}
    results.feeds = {n: summarize(samples[("feeds", n)]) for n in steps}
    results.feed_output = {n: samples[("feeds", n)][0].result for n in steps}

    _say("capturing our final pages as Markdown (one untimed build each, which also warms the caches)")
    demo = _demo(work / "demo")
    bare = _bare(builds[m], work, str(m), env)
    bare_demo = _bare(demo, work, "demo", env)

    _say(f"warming the print cache of the {2 * m:,}-event project (one untimed build)")
    _build(builds[2 * m], work / f"site-ours-{2 * m}", env=env)

    sites = ({("ours", n): work / f"site-ours-{n}" for n in builds} | {("bare", m): work / f"site-bare-{m}"}
             | {("cold", m): work / f"site-cold-{m}", ("cold", 0): work / "site-cold-demo"}
             | {("ours", 0): work / "site-ours-demo", ("bare", 0): work / "site-bare-demo"})
    roots = {("ours", n): root for n, root in builds.items()} | {("bare", m): bare, ("ours", 0): demo,
                                                               ("bare", 0): bare_demo, ("cold", m): builds[m],
                                                               ("cold", 0): demo}
    for run_number in range(max(sizes.build_runs, sizes.demo_runs)):
        for (kind, n), site in sites.items():
            wanted = sizes.demo_runs if n == 0 else sizes.large_build_runs if kind == "ours" and n != m else \
                sizes.build_runs
            if run_number >= wanted:
                continue
            name = "the demo" if n == 0 else f"{n:,} events"
            _say(f"({1 if kind != 'bare' else 2}) {kind} build, {name}, run {run_number + 1}")
            if kind == "cold":  # a fresh clone's first build: nothing kept from a build before (the run keeps it again)
                shutil.rmtree(roots[(kind, n)] / CACHE_FOLDER, ignore_errors=True)
            samples.setdefault((kind, n), []).append(_build(roots[(kind, n)], site, env=env))
    results.ours = {n: summarize(samples[("ours", n)]) for n in builds}
    results.cold = {n: summarize(samples[("cold", n)]) for n in (m, 0)}
    results.bare = summarize(samples[("bare", m)])
    results.demo = {kind: summarize(samples[(kind, 0)]) for kind in ("ours", "bare")}
    results.pages = {"ours": _html_pages(sites[("ours", m)]), "bare": _html_pages(sites[("bare", m)])}
    if results.pages["ours"] != results.pages["bare"]:
        raise RuntimeError(f"the bare build wrote {results.pages['bare']} pages and ours {results.pages['ours']}: "
                           "they must build the same final set of pages to be compared")
    for n in builds:
        results.ordinary_bytes[n] = _median_size(sites[("ours", n)], f"**/{ARTICLES_DIR}/*/index.html")
    ours = sites[("ours", m)]
    for n in builds:
        results.home_bytes[n] = (sites[("ours", n)] / "index.html").stat().st_size
    results.special_bytes = {"schedule": (ours / "schedule" / "index.html").stat().st_size,
                             "search index": (ours / "search" / "search_index.json").stat().st_size,
                             "sitemap": (ours / "sitemap.xml").stat().st_size}

    _say("previewing: ours beside mkdocs serve, on the demo and at the M-event project")
    preview = _previews({"demo": (demo, bare_demo), f"{m:,} events": (builds[m], bare)},
                        {"demo": sizes.preview_runs, f"{m:,} events": sizes.large_preview_runs}, work, env)
    results.preview = {key: summarize(value) for key, value in preview.items()}

    _say("loading the home pages in Chromium")
    results.transfers = measure_home({f"ours, {m:,} events": ours, f"ours, {2 * m:,} events": sites[("ours", 2 * m)],
                                      f"bare, {m:,} events": sites[("bare", m)]}, port)
    results.load_after = load_average()
    return results


def profile(step: str, sizes: Sizes, work: Path, out: Path) -> None:
    """Run one step under pyinstrument on the project size its target is about; write the report to ``out``."""
    env = _env("https://bench.example.org/")
    events = sizes.build_events if step == "build" else sizes.step_events
    _say(f"profiling {step} at {sizes.pages} pages per language, {events:,} events")
    root = generate(work / f"profile-{events}", pages=sizes.pages, events=events)
    if step == "build":
        target = ["-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(root / "mkdocs.yml"),
                  "--site-dir", str(work / "site-profile")]
    else:
        target = ["-m", "bench.steps", step, str(root)]
    run([sys.executable, "-m", "pyinstrument", "--outfile", str(out.resolve()), *target],
        cwd=root if step == "build" else REPO, env=env)
    _say(f"wrote the profile to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small projects and one run each (about a minute)")
    parser.add_argument("--runs", type=int, help="runs of each build at M events (default 3, and 2 at 2M; quick 1)")
    parser.add_argument("--out", type=Path, help="write the table into this file (BENCHMARKS.md)")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary one)")
    parser.add_argument("--profile", choices=("build", "validate", "parse", "feeds"),
                        help="instead of measuring, profile one step with pyinstrument into bench-profile-STEP.txt")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.runs:
        sizes = Sizes(sizes.pages, sizes.build_events, sizes.step_events, args.runs, max(1, args.runs - 1),
                      sizes.step_runs, sizes.demo_runs, sizes.preview_runs, sizes.large_preview_runs)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep
    else:
        work = Path(tempfile.mkdtemp(prefix="microsite-bench-"))
    try:
        if args.profile:
            profile(args.profile, sizes, work, Path(f"bench-profile-{args.profile}.txt"))
            return 0
        results = measure(sizes, work, quick=args.quick)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    table = render(results)
    print(table)
    if args.out:
        write_into(args.out, table)
        _say(f"wrote the table into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
