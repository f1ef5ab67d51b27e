"""Layouts are data: `layouts/memo.toml` and `layouts/report.toml` (or a folder of them named by --layout)."""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLED_SHARE = Path(sys.prefix) / "share" / "ita-tui"


def _data_folder(name: str) -> Path:
    """layouts/ or fonts/: beside the package in a checkout, else where a regular install put them."""
    for candidate in (PROJECT_ROOT / name, INSTALLED_SHARE / name):
        if candidate.is_dir():
            return candidate
    return PROJECT_ROOT / name


LAYOUTS_DIR = _data_folder("layouts")
FONTS_DIR = _data_folder("fonts")
CM = 72 / 2.54


class LayoutError(Exception):
    """A layout file is missing or malformed: names the file and what is wrong."""


@dataclass
class Layout:
    """One document's layout: the parsed TOML plus the folder its relative file names are resolved in."""

    data: dict
    folder: Path
    name: str

    def section(self, name: str) -> dict:
        return self.data.get(name, {})

    def get(self, section: str, key: str, default=None):
        value = self.data.get(section, {}).get(key, default)
        if value is None:
            raise LayoutError(f"{self.folder / self.name}: [{section}] {key} is missing")
        return value

    def cm(self, section: str, key: str, default: float | None = None) -> float:
        return float(self.get(section, key, default)) * CM

    def font_path(self, style: str) -> Path | None:
        file_name = self.data.get("fonts", {}).get(style, "")
        if not file_name:
            return None
        for folder in (self.folder, FONTS_DIR):
            candidate = folder / file_name
            if candidate.is_file():
                return candidate
        raise LayoutError(f"{self.folder / self.name}: font file {file_name!r} not found in {self.folder} or {FONTS_DIR}")

    def asset_path(self, file_name: str) -> Path:
        path = (self.folder / file_name).resolve()
        if not path.is_file():
            raise LayoutError(f"{self.folder / self.name}: file {file_name!r} not found")
        return path

    def template(self, name: str) -> dict:
        templates = self.data.get("templates", {})
        if name not in templates:
            raise LayoutError(f"{self.folder / self.name}: no template {name!r} (has: {', '.join(templates)})")
        return templates[name]


def load_layout(document: str, layout_name: str = "default") -> Layout:
    """*document* is "memo" or "report"; *layout_name* is "default", a folder under layouts/, or a path."""
    if layout_name in ("", "default"):
        folder = LAYOUTS_DIR
    elif (LAYOUTS_DIR / layout_name).is_dir():
        folder = LAYOUTS_DIR / layout_name
    else:
        folder = Path(layout_name)
    path = folder / f"{document}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"layout file not found: {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise LayoutError(f"{path}: {error}") from None
    return Layout(data, folder, path.name)
