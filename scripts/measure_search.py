"""Measure how many Polish word forms the site search finds, with and without the Polish stemmer.

Each pair is a word a reader types and another form of it a page contains. One
page per pair is indexed with Material for MkDocs' own search worker, run in
Node (tests/js/search.mjs), once with the settings Material and
mkdocs-static-i18n give a Polish site by themselves and once with ours
(microsite/searchindex.py + content/assets/javascripts/lunr/min/lunr.pl.min.js):

    make site && .venv/bin/python scripts/measure_search.py [--site site]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from microsite.catalogue import catalogue  # noqa: E402

PAIRS = (
    ("warsztat", "warsztatach"), ("warsztat", "warsztaty"), ("warsztat", "warsztatów"),
    ("warsztaty", "warsztatach"), ("spotkanie", "spotkaniach"), ("spotkanie", "spotkań"),
    ("spotkaniach", "spotkanie"), ("szkolenie", "szkoleniu"), ("szkolenia", "szkoleń"), ("dyżur", "dyżurze"),
    ("dyżury", "dyżurów"), ("organizator", "organizatorzy"), ("organizatorzy", "organizatorów"),
    ("projekt", "projekcie"), ("wizyta", "wizycie"), ("rekrutacja", "rekrutacji"), ("rekrutacji", "rekrutację"),
    ("Kraków", "Krakowie"), ("Krosno", "Krośnie"), ("Przemyśl", "Przemyślu"), ("społeczny", "społecznych"),
    ("miasto", "mieście"), ("partner", "partnerem"), ("partnerzy", "partnerów"), ("uczestnik", "uczestnicy"),
    ("mieszkaniec", "mieszkańców"), ("dokument", "dokumentach"), ("raport", "raporcie"),
    ("program", "programie"), ("inicjatywa", "inicjatyw"),
)
"""(what a reader types, the form a page contains)."""

FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
SETTINGS = {
    # What the build wrote before: one merged index with Material's Polish settings (no stemmer, no pipeline).
    "Material alone": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [" "], "fields": FIELDS},
    "with the Polish stemmer": {**catalogue("pl").search, "fields": FIELDS},
}


def found_pairs(site: Path, settings: dict) -> list[bool]:
    """Return, per pair, whether typing its word finds the page with its other form."""
    docs = [{"location": f"p{i}/", "title": f"Strona {i}", "text": f"<p>Tekst: {form}.</p>"}
            for i, (_, form) in enumerate(PAIRS)]
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "search_index.json"
        index.write_text(json.dumps({"config": settings, "docs": docs}), encoding="utf-8")
        out = subprocess.run(["node", str(ROOT / "tests" / "js" / "search.mjs"), str(worker), str(index),
                              *dict.fromkeys(word for word, _ in PAIRS)],
                             capture_output=True, text=True, check=True, timeout=120).stdout
    results = json.loads(out)
    return [f"p{i}/" in results[word] for i, (word, _) in enumerate(PAIRS)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: site/)")
    args = parser.parse_args(argv)
    for name, settings in SETTINGS.items():
        found = found_pairs(args.site, settings)
        missed = [f"{word} → {form}" for (word, form), ok in zip(PAIRS, found) if not ok]
        print(f"{name}: {sum(found)} of {len(PAIRS)} found; missed: {', '.join(missed) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
