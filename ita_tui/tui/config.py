"""User settings from ~/.config/ita-tui/config.toml: key remapping and save-on-leave.

    save_on_leave = true          # save a form when leaving it (default: ask nothing, keep unsaved mark)
    push_on_save = true           # clone mode: send each recorded save to the shared copy (default: F7)
    unrecorded_print = "refuse"   # no PDF while records have unrecorded changes (default: "warn")
    [keys]
    save = "ctrl+s,f2"            # binding id = keys, as Textual's App.set_keymap takes them
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "ita-tui" / "config.toml"


@dataclass
class Config:
    save_on_leave: bool = False
    push_on_save: bool = False  # clone mode: send every recorded save to the shared copy at once
    unrecorded_print: str = "warn"  # "refuse": no PDF while the records have changes not recorded
    keymap: dict[str, str] = field(default_factory=dict)
    problem: str = ""  # a config file that could not be read: shown once, defaults used


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=f"{path}: {error}")
    keys = data.get("keys", {})
    return Config(save_on_leave=bool(data.get("save_on_leave", False)),
                  push_on_save=bool(data.get("push_on_save", False)),
                  unrecorded_print="refuse" if data.get("unrecorded_print") == "refuse" else "warn",
                  keymap={str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {})
