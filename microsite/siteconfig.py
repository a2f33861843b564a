"""What ``microsite check`` verifies in ``mkdocs.yml``: the wiring, the languages, the menus, the name and address.

``mkdocs.yml`` belongs to the project's editors like ``data/``, and a mistake in
it does not stop MkDocs: a menu entry for a page that does not exist becomes a
broken link on every page, a forgotten file keeps another project's name on
every tab. So the check reads it as MkDocs does (``!ENV`` included) and reports,
with the line, what no build would: languages that differ from
``data/project.yaml``, menu entries and footer pages without a page, a site
name that is not the project's, a placeholder address or repository.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from .errors import Location, Problem, SiteDataError
from .model import Site
from .yamlsource import load_yaml, location_of

__all__ = ["CONFIG_FILE", "FOOTER_PAGES", "check_site_config", "configured_languages", "is_placeholder_repository",
           "is_placeholder_url"]

CONFIG_FILE = "mkdocs.yml"
FOOTER_PAGES = ("accessibility.md", "privacy.md", "contact.md")
"""Pages every page's footer links to (overrides/main.html): the statement, the privacy policy, the contact."""
HOOKS = "hooks/site_hooks.py"
THEME_DIR = "overrides"
_PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
"""A menu entry with a scheme (https:, mailto:, tel:) links elsewhere; it is not a page."""
MKDOCS_TAGS = ("!ENV", "!relative", "tag:yaml.org,2002:python/name:")
"""The tags MkDocs and Material's documentation use in mkdocs.yml (a setting from the environment, a path
relative to the file, a Python function such as Material's emoji index); other YAML files may use none."""


def is_placeholder_url(url: str | None) -> bool:
    """Say whether a site address is still a placeholder (an example.org host, 'TODO')."""
    if not url:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return ("TODO" in url or host.endswith(".example") or host in _PLACEHOLDER_HOSTS
            or any(host.endswith("." + h) for h in _PLACEHOLDER_HOSTS))


def is_placeholder_repository(edit_uri: str | None) -> bool:
    """Say whether "Edit this page" has no real repository to open (none set, or OWNER/REPO still in it)."""
    return not edit_uri or "OWNER/REPO" in edit_uri or "TODO" in edit_uri


@dataclass
class _Config:
    """mkdocs.yml's located nodes, and where problems go."""

    file: str
    root: yaml.MappingNode
    problems: list[Problem]

    def get(self, node: yaml.Node | None, key: str) -> yaml.Node | None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return v
        return None

    def error(self, node: yaml.Node | None, field: str, message: str, fix: str, severity: str = "error") -> None:
        self.problems.append(Problem(location_of(node, self.file), field, message, fix, severity))


def configured_languages(root: Path) -> tuple[str, ...] | None:
    """Return the languages mkdocs.yml lists (default first), or None if it cannot say."""
    try:
        node = load_yaml(Path(root) / CONFIG_FILE, CONFIG_FILE, tags=MKDOCS_TAGS)
    except (OSError, SiteDataError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    config = _Config(CONFIG_FILE, node, [])
    plugins = config.get(node, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        found = config.get(item, "i18n") if isinstance(item, yaml.MappingNode) else None
        entries = config.get(found, "languages")
        if isinstance(entries, yaml.SequenceNode):
            codes = tuple(_scalar(config.get(entry, "locale")) or "" for entry in entries.value)
            return tuple(code for code in codes if code) or None
    return None


def check_site_config(root: Path, languages: tuple[str, ...] | None, site: Site | None, generated: set[str],
                      content_dir: str = "content") -> list[Problem]:
    """Return the problems of ``root/mkdocs.yml`` against the project's data and pages.

    ``languages`` are project.yaml's (None when it cannot say: they are then not compared);
    ``generated`` are the pages made from data ('pl/schedule/index.md'…): menus may name them.
    """
    path = Path(root) / CONFIG_FILE
    if not path.is_file():
        return [Problem(Location(CONFIG_FILE), "", "the file is missing",
                        "run '.venv/bin/microsite init' to start a project, or copy mkdocs.yml from the "
                        "generator's repository")]
    try:
        node = load_yaml(path, CONFIG_FILE, tags=MKDOCS_TAGS)
    except SiteDataError as exc:
        return list(exc.problems)
    if not isinstance(node, yaml.MappingNode):
        return [Problem(location_of(node, CONFIG_FILE), "", "the file is not a list of settings",
                        "compare it with mkdocs.yml in the generator's repository")]
    config = _Config(CONFIG_FILE, node, [])
    _check_wiring(config, Path(root), content_dir)
    i18n = _i18n(config)
    if i18n is not None:
        entries = _check_languages(config, i18n, languages)
        content = Path(root) / content_dir
        default = entries[0][0] if entries else None
        for lang, entry in entries:
            # A language without a menu of its own gets the top-level one (mkdocs-static-i18n's rule).
            nav = config.get(entry, "nav") or config.get(config.root, "nav")
            _check_nav(config, nav, lang, default, content, content_dir, generated)
        if default:
            _check_footer_pages(config, content, content_dir, default)
        if site is not None:
            _check_names(config, entries, site)
    _check_address(config)
    return config.problems


def _scalar(node: yaml.Node | None) -> str | None:
    """Return a setting's value as MkDocs reads it, '!ENV [NAME, default]' included."""
    if node is None:
        return None
    if node.tag == "!ENV":
        if isinstance(node, yaml.SequenceNode):
            names = [n.value for n in node.value if isinstance(n, yaml.ScalarNode)]
            default = names.pop() if len(names) > 1 else None
        elif isinstance(node, yaml.ScalarNode):
            names, default = [node.value], None
        else:
            return None
        return next((os.environ[name] for name in names if os.environ.get(name)), default)
    return node.value.strip() if isinstance(node, yaml.ScalarNode) else None


def _true(node: yaml.Node | None) -> bool:
    """Say whether a setting is true as MkDocs' YAML 1.1 reads it (true, True, yes, on)."""
    return (_scalar(node) or "").lower() in ("true", "yes", "on")


def _path(value: str | None) -> str:
    """Return a path setting as written without './' and a trailing slash ('./content/' → 'content')."""
    return PurePosixPath(value or "").as_posix().removeprefix("./").rstrip("/")


def _check_wiring(config: _Config, root: Path, content_dir: str) -> None:
    """The settings that connect the project to the generator: without them MkDocs builds a bare site."""
    docs = _scalar(config.get(config.root, "docs_dir")) or "docs"
    if _path(docs) != content_dir:
        config.error(config.get(config.root, "docs_dir") or config.root, "docs_dir",
                     f"the pages are read from '{docs}', but the generator keeps them in '{content_dir}/'",
                     f"write 'docs_dir: {content_dir}'")
    hooks = config.get(config.root, "hooks")
    listed = [_path(n.value) for n in hooks.value if isinstance(n, yaml.ScalarNode)] \
        if isinstance(hooks, yaml.SequenceNode) else []
    if HOOKS not in listed:
        config.error(hooks or config.root, "hooks", f"'{HOOKS}' is not among the hooks, so no page is made from data",
                     f"add the lines 'hooks:' and '  - {HOOKS}'")
    theme = config.get(config.root, "theme")
    if _path(_scalar(config.get(theme, "custom_dir"))) != THEME_DIR:
        config.error(config.get(theme, "custom_dir") or theme or config.root, "theme.custom_dir",
                     "the theme does not use the generator's overrides (funding strip, footer, search per language)",
                     f"write 'custom_dir: {THEME_DIR}' under 'theme:'")
    for folder in (HOOKS.split("/")[0], THEME_DIR):
        if not (root / folder).is_dir():
            config.error(None, "", f"the generator's folder '{folder}/' is missing beside mkdocs.yml",
                         f"copy '{folder}/' from the generator's repository (it is not the project's to write)")


def _i18n(config: _Config) -> yaml.MappingNode | None:
    plugins = config.get(config.root, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        if isinstance(item, yaml.MappingNode) and config.get(item, "i18n") is not None:
            found = config.get(item, "i18n")
            if _scalar(config.get(found, "docs_structure")) != "folder":
                config.error(config.get(found, "docs_structure") or found, "plugins.i18n.docs_structure",
                             "the pages must be in one folder per language", "write 'docs_structure: folder'")
            if not _true(config.get(found, "fallback_to_default")):
                config.error(config.get(found, "fallback_to_default") or found, "plugins.i18n.fallback_to_default",
                             "a page not yet translated would be missing from the other languages (and the "
                             "language switcher would lead nowhere)", "write 'fallback_to_default: true'")
            return found
    config.error(plugins or config.root, "plugins", "the i18n plugin (mkdocs-static-i18n) is not configured",
                 "copy the 'plugins:' block from mkdocs.yml in the generator's repository")
    return None


def _check_languages(config: _Config, i18n: yaml.MappingNode, languages: tuple[str, ...] | None
                     ) -> list[tuple[str, yaml.MappingNode]]:
    """Check the languages are data/project.yaml's, default first; return (language, its entry)."""
    node = config.get(i18n, "languages")
    entries = [(_scalar(config.get(item, "locale")) or "", item)
               for item in (node.value if isinstance(node, yaml.SequenceNode) else [])
               if isinstance(item, yaml.MappingNode)]
    listed = [lang for lang, _ in entries]
    if languages is None:
        return entries  # project.yaml cannot say (reported there): nothing to compare with
    if tuple(listed) != languages:
        config.error(node or i18n, "plugins.i18n.languages",
                     f"mkdocs.yml lists the languages {', '.join(listed) or 'none'}, but data/project.yaml lists "
                     f"{', '.join(languages)}", "make them the same, in the same order: the default language first")
        return [(lang, entry) for lang, entry in entries if lang in languages]
    for index, (lang, entry) in enumerate(entries):
        default = _true(config.get(entry, "default"))
        if default != (index == 0):
            config.error(config.get(entry, "default") or entry, f"plugins.i18n.languages[{index + 1}].default",
                         f"'{listed[0]}' is the default language (first in data/project.yaml), not '{lang}'"
                         if default else f"'{lang}' is the default language but is not marked so",
                         "write 'default: true' under the first language only")
    return entries


def _nav_files(node: yaml.Node | None) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Yield (node, file) for every page a menu names (links to other sites are not pages)."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_files(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _nav_files(value)
    elif isinstance(node, yaml.ScalarNode) and node.value and not _SCHEME.match(node.value.strip()):
        yield node, node.value.strip().lstrip("/")


def _page_exists(relative: str, lang: str, default: str, content: Path, generated: set[str]) -> bool:
    if relative.endswith("/"):
        relative += "index.md"
    return any((content / code / relative).is_file() or f"{code}/{relative}" in generated for code in (lang, default))


def _check_nav(config: _Config, nav: yaml.Node | None, lang: str, default: str, content: Path, content_dir: str,
               generated: set[str]) -> None:
    for node, relative in _nav_files(nav):
        if not _page_exists(relative, lang, default, content, generated):
            where = f"{content_dir}/{lang}/{relative}" + ("" if lang == default else f" (nor {content_dir}/{default}/"
                                                                                      f"{relative})")
            config.error(node, f"nav ({lang})", f"the menu links to '{relative}', but there is no {where}",
                         "create the page, correct the file name, or remove the line from the menu")


def _check_footer_pages(config: _Config, content: Path, content_dir: str, default: str) -> None:
    for name in FOOTER_PAGES:
        if not (content / default / name).is_file():
            config.problems.append(Problem(
                Location(f"{content_dir}/{default}/{name}"), "",
                f"every page's footer links to this page ({name[:-3]}), and it does not exist",
                f"create it (the editors' guide, \"Starting a new project\", has a template); other languages "
                f"show the {default} page until they have their own"))


def _check_names(config: _Config, entries: list[tuple[str, yaml.MappingNode]], site: Site) -> None:
    """Warn where the browser tab would show a name that is not the project's short name."""
    names = site.project.short_name
    default_name = config.get(config.root, "site_name")
    for index, (lang, entry) in enumerate(entries):
        own = config.get(entry, "site_name")
        node = own or (default_name if index == 0 else entry)
        shown = _scalar(own) or _scalar(default_name) or ""
        wanted = names.in_(lang)
        if shown != wanted:
            field = f"plugins.i18n.languages[{index + 1}].site_name" if own or index else "site_name"
            config.error(node, field, f"the site's name in {lang} is '{shown}', but the project's short name is "
                                      f"'{wanted}' (data/project.yaml)",
                         f"write 'site_name: {wanted}' here (every browser tab and shared link shows it)", "warning")


def _check_address(config: _Config) -> None:
    node = config.get(config.root, "site_url")
    url = _scalar(node)
    if is_placeholder_url(url):
        config.error(node or config.root, "site_url", f"the site's address is a placeholder ({url or 'none'}): "
                     "calendar subscriptions, shared links and search engines would point there",
                     "write the real address, e.g. 'site_url: https://www.example-ngo.pl/project/' (the GitHub "
                     "workflow sets the Pages address itself)", "warning")
    edit = config.get(config.root, "edit_uri")
    if is_placeholder_repository(_scalar(edit)):
        config.error(edit or config.root, "edit_uri", "no repository is set, so pages have no \"Edit this page\" "
                     "button", "write the address of the content folder in your repository, e.g. "
                     "'https://github.com/<organisation>/<repository>/edit/main/content/'", "warning")
