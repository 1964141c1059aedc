"""qarabagh_edition.palette_css: Material's palette rule for the moment of switching, removed."""
from __future__ import annotations

from pathlib import Path

import pytest

from qarabagh_edition.palette_css import PaletteRuleMissing, without_switching_rule

MATERIAL_STYLE = (
    "[data-md-color-scheme=slate][data-md-color-primary=white]{--md-typeset-a-color:#5e8bde}"
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}}[data-md-color-accent=red]{--md-accent-fg-color:#ff1a47}"
)


def test_the_switching_rule_goes_and_everything_else_stays():
    trimmed = without_switching_rule(MATERIAL_STYLE)
    assert trimmed == ("[data-md-color-scheme=slate][data-md-color-primary=white]{--md-typeset-a-color:#5e8bde}"
                       "}[data-md-color-accent=red]{--md-accent-fg-color:#ff1a47}")


def test_the_installed_materials_palette_style_sheet_has_the_rule():
    """The rule is really in the installed Material (the hook warns, and a strict build
    stops, when an upgrade changes that)."""
    import material

    sheets = list(Path(material.__file__).parent.glob("templates/assets/stylesheets/palette.*.min.css"))
    assert sheets
    for sheet in sheets:
        css = sheet.read_text()
        trimmed = without_switching_rule(css, sheet.name)
        assert "data-md-color-switching" not in trimmed
        assert len(css) - len(trimmed) < 200  # one rule, not the rest of the sheet


def test_a_style_sheet_without_the_rule_is_reported():
    with pytest.raises(PaletteRuleMissing, match=r"palette\.x\.css: no \[data-md-color-switching\] rule"):
        without_switching_rule("[data-md-color-accent=red]{--md-accent-fg-color:#ff1a47}", "palette.x.css")


def test_a_switching_selector_in_another_shape_is_reported():
    with pytest.raises(PaletteRuleMissing, match="does not recognise"):
        without_switching_rule("@media screen{body:not([data-md-color-switching]) a{transition:color 1s}}"
                               "[data-md-color-switching] *{transition:none}")
