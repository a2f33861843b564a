"""The suite does not depend on the machine running it: MICROSITE_* variables exported there change nothing.

docs/hosting.md tells a host to export MICROSITE_EDIT_URI and MICROSITE_SITE_URL, the nightly build exports
MICROSITE_NOW, and MICROSITE_CHECK_REPORT makes the check write a report; a developer's shell may carry any of
them. ``tests/conftest.py`` clears them for the whole session (``no_microsite_variables``); here the tests
most exposed to them (the check of mkdocs.yml, which reads ``!ENV``; a build of the demo with its edit links;
the commands' one reading of each file) run with all four exported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest_site import TOOLS_OWN  # not from conftest: tests/browser has a conftest of its own
from conftest_site import REPO

EXPORTED = {
    "MICROSITE_EDIT_URI": "https://example.org/edit/",
    "MICROSITE_SITE_URL": "https://x.example/",
    "MICROSITE_NOW": "2031-01-01T00:00:00Z",
}
EXPOSED = ("tests/test_siteconfig.py", "tests/test_one_reading.py",
           "tests/test_publishing.py::test_editor_pages_link_to_their_own_file",
           "tests/test_publishing.py::test_edit_links_follow_the_environment")


def test_no_microsite_setting_reaches_a_test():
    assert [key for key in os.environ if key.startswith("MICROSITE_") and key not in TOOLS_OWN] == []


def test_the_exposed_tests_pass_with_every_setting_exported(tmp_path: Path):
    report = tmp_path / "report.json"
    env = {**os.environ, **EXPORTED, "MICROSITE_CHECK_REPORT": str(report)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *EXPOSED], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout.splitlines()[-1] and "skipped" not in done.stdout.splitlines()[-1]
    assert not report.exists()  # no check in the suite wrote the report the machine asked for
