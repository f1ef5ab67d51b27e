import pytest

from ita_tui.templating import UnknownPlaceholder, fill


def test_placeholders_are_filled_from_the_dict():
    assert fill("ปี {fiscal_year} คะแนน {score}", {"fiscal_year": "๒๕๖๖", "score": "๘๓.๕๙"}) == "ปี ๒๕๖๖ คะแนน ๘๓.๕๙"


@pytest.mark.parametrize("template", [
    "{agency.__class__}", "{agency[0]}", "{agency!r}", "{agency:>10}", "{__import__('os')}",
])
def test_templates_cannot_reach_attributes_items_or_code(template):
    class Secret:
        def __str__(self):
            return "agency"
    result = fill(template, {"agency": Secret()}, strict=False)
    assert result == template  # left as written: nothing evaluated


def test_an_unknown_placeholder_is_an_error_when_strict():
    with pytest.raises(UnknownPlaceholder):
        fill("{nope}", {})
