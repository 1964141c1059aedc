"""Material's colour palette style sheet, without its rule for the moment of switching.

Material's palette script marks `<body data-md-color-switching>` while it applies a
scheme and unmarks it a frame later; its style sheet then stops every transition on the
page (`[data-md-color-switching] * {transition-duration: 0s}`). The script does this at
every page load too, with the scheme the page already has. Because the rule's selector
reaches every element, setting and removing the mark each make the browser restyle the
whole page: on the longest section two full restyles, about a fifth of its start-up
work on a throttled phone (measured with scripts/benchmark_pages.py). Without the rule,
the two marks restyle nothing. What is lost: on a toggle of light and dark, the few
elements with a colour transition fade into the new scheme over 0.1-0.25 s instead of
changing at once.

No setting of Material turns the rule off, so the hook overrides/hooks/palette_css.py
hands the site this copy of Material's own file, made at build time from the installed
package (nothing of Material's is kept in this repository).
"""
from __future__ import annotations

import re

# A style rule: its selector list (from the end of the rule or block before it) and body.
RULE = re.compile(r"(?:(?<=[{}])|^)(?P<selectors>[^{}]*)\{[^{}]*\}")
MARK = "[data-md-color-switching]"


class PaletteRuleMissing(ValueError):
    """Material's palette style sheet no longer has the rule this module removes."""


def without_switching_rule(css: str, name: str = "palette style sheet") -> str:
    """`css` without the rule(s) that select on `[data-md-color-switching]`.

    Raises PaletteRuleMissing when there is none: Material has changed, and whoever
    upgrades it should look again (the hook then reports it and stops a strict build).
    """
    count = 0

    def drop(rule: re.Match) -> str:
        nonlocal count
        selectors = [selector.strip() for selector in rule["selectors"].split(",")]
        # Only a rule whose every selector starts at the mark (Material's own shape).
        if all(selector.startswith(MARK) for selector in selectors):
            count += 1
            return ""
        return rule[0]

    trimmed = RULE.sub(drop, css)
    if not count:
        raise PaletteRuleMissing(
            f"{name}: no [data-md-color-switching] rule found (Material has changed its palette "
            "style sheet; check whether its script still marks <body> at load, and remove "
            "overrides/hooks/palette_css.py from mkdocs.yml if the rule is gone for good)")
    if "data-md-color-switching" in trimmed:
        raise PaletteRuleMissing(f"{name}: a [data-md-color-switching] selector is left in a rule this module "
                                 "does not recognise (look at Material's palette style sheet)")
    return trimmed
