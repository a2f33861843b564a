"""Nothing outside the repository is read or published: links and special files are refused before any is read.

git stores a symbolic link as a link, and MkDocs follows links when it copies
``content/``: a committed ``content/assets/env.txt -> /proc/self/environ`` would
publish the builder's environment. Each attack from the issue is planted in a
copy of the demo; the check names the link, and the build stops before it
writes anything (the previous site stays as it was).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest_site import add_generator, build_demo, project_copy, site_files
from microsite.build import build_site
from microsite.check import check_project
from sitefactory import SiteCopy, assert_problem, only

NOW = {"MICROSITE_NOW": "2019-03-01T12:00:00Z", "PATH": "/usr/bin:/bin"}


def _link(root: Path, relative: str, target: str | Path) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


def _errors(root: Path):
    return [p for p in check_project(root) if p.is_error]


ATTACKS = [  # (where the link goes, what it points at) — each published by the build before this rule
    ("content/assets/env.txt", "/proc/self/environ"),
    ("content/assets/documents/passwd.pdf", "/etc/passwd"),
    ("content/assets/config.txt", "../../.git/config"),
    ("content/assets/certs", "/etc/ssl/certs"),
    ("content/pl/inna.md", "about.md"),  # even a link to another page of the project
    ("data/events-old.yaml", "/etc/passwd"),
]


@pytest.mark.parametrize("relative, target", ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_link_is_a_located_error(demo: SiteCopy, relative: str, target: str) -> None:
    _link(demo.root, relative, target)
    assert_problem(only(_errors(demo.root)), file=relative, line=0, message=("link to", target, "repository"),
                   fix=("instead of the link",))


def test_a_link_to_a_folder_is_reported_once_and_not_entered(demo: SiteCopy) -> None:
    folder = demo.root.parent / "outside"
    for number in range(5):
        (folder / "deep").mkdir(parents=True, exist_ok=True)
        (folder / "deep" / f"{number}.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    _link(demo.root, "content/pl/outside", folder)
    assert [p.location.file for p in _errors(demo.root)] == ["content/pl/outside"]


@pytest.mark.parametrize("name", ["mkdocs.yml", "data", "content", "data/project.yaml", "data/events.yaml"])
def test_the_project_s_own_files_and_folders_may_not_be_links(demo: SiteCopy, name: str) -> None:
    real = demo.root.parent / ("real-" + name.replace("/", "-"))
    (demo.root / name).rename(real)
    _link(demo.root, name, real)
    assert_problem(only(_errors(demo.root)), file=name, line=0, message=("link to",))


def test_a_special_file_is_refused_without_being_opened(demo: SiteCopy) -> None:
    os.mkfifo(demo.root / "content" / "assets" / "pipe.pdf")  # reading it would wait for ever
    result = subprocess.run([sys.executable, "-m", "microsite.cli", "check", "--root", str(demo.root)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "content/assets/pipe.pdf: this is not an ordinary file" in result.stderr


def test_a_reader_of_data_never_follows_a_link(demo: SiteCopy) -> None:
    # Behind the check, every reader of a YAML file refuses a link on its own (the translations report…).
    from microsite.errors import SiteDataError
    from microsite.yamlsource import load_yaml

    secret = demo.root.parent / "secret.yaml"
    secret.write_text("token: s3cr3t\n", encoding="utf-8")
    _link(demo.root, "data/vocabulary.yaml", secret)
    with pytest.raises(SiteDataError, match="this is a link"):
        load_yaml(demo.root / "data" / "vocabulary.yaml", "data/vocabulary.yaml")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("built"))
    assert build_site(root, environ=NOW, out=io.StringIO()) == 0
    return root


@pytest.mark.parametrize("relative, target", ATTACKS[:4], ids=[a[0] for a in ATTACKS[:4]])
def test_the_build_refuses_a_link_and_keeps_the_previous_site(built: Path, relative: str, target: str) -> None:
    before = site_files(built / "site")
    link = _link(built, relative, target)
    out = io.StringIO()
    try:
        assert build_site(built, environ=NOW, out=out) == 1
    finally:
        link.unlink()
    assert f"{relative}: this is a link to '{target}'" in out.getvalue()
    assert site_files(built / "site") == before
    assert not list(built.glob(".site-*"))


def test_mkdocs_itself_refuses_a_link_through_the_hooks(tmp_path: Path) -> None:
    root = project_copy(tmp_path / "project")
    _link(root, "content/assets/env.txt", "/proc/self/environ")
    with pytest.raises(AssertionError, match="content/assets/env.txt: this is a link"):
        build_demo(tmp_path / "site", root=root)
    assert not (tmp_path / "site" / "assets" / "env.txt").exists()


# --- paths in data: the hint says the right thing --------------------------------------------


PATHS = [  # what an editor writes as a partner's logo, and the words of the message and of the fix
    ("content/assets/logos/cds.svg", ("starts with 'content/'",), ("write 'assets/logos/cds.svg'",)),
    ("https://www.cds.krakow.pl/logo.png", ("web address",), ("download", "content/assets/")),
    ("http://www.cds.krakow.pl/logo.png", ("web address",), ("download",)),
    ("../../etc/passwd", ("leads outside the content folder",), ("under content/assets/",)),
    ("assets\\logos\\cds.svg", ("backslashes",), ("with '/'",)),
    ("assets/logos/missing.svg", ("'content/assets/logos/missing.svg' does not exist",), ("content/assets/logos/",)),
]


@pytest.mark.parametrize("written, message, fix", PATHS, ids=[p[0] for p in PATHS])
def test_a_wrong_path_gets_the_right_hint(demo: SiteCopy, written: str, message, fix) -> None:
    demo.add_file("assets/logos/cds.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    line = demo.append("partners.yaml", f"""
  - id: test-partner
    name: Fundacja Testowa
    role: national_partner
    country: PL
    logo: '{written}'
    logo_alt: {{pl: Logo, en: Logo}}
""") + 5
    problem = only(demo.check())
    assert_problem(problem, file="data/partners.yaml", line=line, message=message, fix=fix)
    assert "content/content/" not in problem.fix and "content/https:" not in problem.fix
    assert "content/../" not in problem.fix


def test_a_path_from_the_site_root_is_read_from_the_content_folder(demo: SiteCopy) -> None:
    demo.add_file("assets/logos/cds.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    demo.append("partners.yaml", """
  - id: test-partner
    name: Fundacja Testowa
    role: national_partner
    country: PL
    logo: /assets/logos/cds.svg
    logo_alt: {pl: Logo, en: Logo}
""")
    site, problems = demo.load()
    assert problems == [] and next(p for p in site.partners if p.id == "test-partner").logo == "assets/logos/cds.svg"
