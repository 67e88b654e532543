"""mkdocs.yml, read the same way whichever engine builds the site.

Both MkDocs and Zensical read this file; our own steps (the checks before the
build and the post-build step after it) read it here, without importing either
engine. The file uses one YAML tag of MkDocs', `!ENV`: `!ENV VAR` or
`!ENV [VAR, OTHER, default]` is the first variable that is set, else the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_NAME = "mkdocs.yml"
RULE = "config"


class ConfigError(ValueError):
    """mkdocs.yml cannot be read: the message says where and how to fix it."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {RULE}: {message}")
        self.path, self.line, self.message = path, line, message


class _Loader(yaml.SafeLoader):
    """YAML with MkDocs' `!ENV` tag; other tags (Python objects) are refused."""


def _env(loader: _Loader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node, deep=True)
        names, default = items[:-1], items[-1] if len(items) > 1 else None
        if len(items) == 1:
            names = items
    for name in names:
        value = os.environ.get(str(name))
        if value is not None:
            return yaml.safe_load(value) if value.strip() else value
    return default


_Loader.add_constructor("!ENV", _env)


@dataclass(frozen=True)
class SiteConfig:
    """What our own steps need from mkdocs.yml."""

    path: Path
    values: dict

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def docs_dir(self) -> Path:
        return self.root / (self.values.get("docs_dir") or "docs")

    @property
    def site_name(self) -> str:
        return str(self.values.get("site_name") or "")

    @property
    def site_url(self) -> str:
        return str(self.values.get("site_url") or "")

    @property
    def extra(self) -> dict:
        extra = self.values.get("extra")
        return extra if isinstance(extra, dict) else {}

    @property
    def brand(self) -> dict:
        brand = self.extra.get("brand")
        return brand if isinstance(brand, dict) else {}

    @property
    def contact(self) -> str:
        return str(self.extra.get("contact") or "").strip()

    @property
    def language(self) -> str:
        theme = self.values.get("theme")
        return str((theme or {}).get("language") or "en") if isinstance(theme, dict) else "en"


def read_config(path: Path) -> SiteConfig:
    """Read mkdocs.yml; a YAML mistake raises ConfigError with its line and a hint."""
    try:
        values = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(
            path,
            line,
            f"this is not valid YAML ({problem}). Check the indentation (spaces, not tabs), and put a value "
            'that holds a colon or starts with a symbol in quotes, for example  contact: "Call: 555-0100"',
        ) from None
    if not isinstance(values, dict):
        raise ConfigError(path, 1, "the file must be a mapping of settings (key: value), as in the project's own")
    return SiteConfig(path, values)
