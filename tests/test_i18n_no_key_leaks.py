"""No catalogue key ever reaches the user: every key built at run time (field.<name>, status.<s>, …) has
words in Thai and in English, and the toasts that name fields show words, not keys."""

from __future__ import annotations

import pytest

from ita_tui.i18n import en, th, tr
from ita_tui.model.progress import State
from ita_tui.store import schema
from ita_tui.tui.app import ItaApp
from ita_tui.tui.screens.measure import MeasureScreen

SCHEMA_KEYS = sorted({key for name in dir(schema) if name.endswith("_KEYS") for key in getattr(schema, name)})
BUILT_KEYS = ([f"field.{key}" for key in SCHEMA_KEYS] + [f"status.{s}" for s in schema.MEASURE_STATUSES]
              + [f"quarter.{q}" for q in (1, 2, 3, 4)] + [f"state.{state.value}" for state in State])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_key_built_at_run_time_has_words_in_both_languages(lang):
    catalogue = {"th": th.MESSAGES, "en": en.MESSAGES}[lang]
    assert [key for key in BUILT_KEYS if key not in catalogue] == []


@pytest.mark.parametrize("lang", ["th", "en"])
async def test_the_wrong_type_toast_names_fields_in_words(records_builder, tmp_path, lang):
    records_builder.measure(**{"order = 1": 'order = "first"'})
    app = ItaApp(records_builder.root, lang, out_root=tmp_path / "out")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeasureScreen(2566, "2566/measures/01-test.toml"))
        await pilot.pause()
        toasts = [notification.message for notification in app._notifications]
    assert toasts and not any("field." in toast for toast in toasts)
    assert any(tr("field.order", lang) in toast for toast in toasts)
