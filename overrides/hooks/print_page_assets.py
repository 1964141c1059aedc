"""Keep print-site's stylesheets and script to the whole-paper page, which uses them.

mkdocs-print-site-plugin adds its CSS (print_page layout, Material print margins) and
its JS (the whole-paper page's table of contents) to `extra_css`/`extra_javascript`,
so every page would load three files it never uses: about 2 KB and three requests on
each first visit. The plugin has no option for this, so the other pages' HTML is
filtered here; the whole-paper page, which print-site renders itself after the pages,
keeps them. Stops the build if print-site's files change names, rather than let them
creep back onto every page unnoticed.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PRINT_SITE_FILES = ("css/print-site.css", "css/print-site-material.css", "js/print-site.js")
TAG = re.compile(r'<(?:link rel="stylesheet" href|script src)="(?:[^"]*?/)?(?P<file>(?:css|js)/print-site[^"]*)"'
                 r'[^>]*>(?:</script>)?')


def on_config(config, **kwargs):
    configured = [str(path) for path in list(config.extra_css) + list(config.extra_javascript)]
    if "print-site" in config.plugins and not any(path in configured for path in PRINT_SITE_FILES):
        raise PluginError("print_page_assets: print-site no longer adds " + ", ".join(PRINT_SITE_FILES) +
                          "; update PRINT_SITE_FILES in overrides/hooks/print_page_assets.py")


def _without_print_site(output: str, where: str) -> str:
    unknown = [m.group("file") for m in TAG.finditer(output) if m.group("file") not in PRINT_SITE_FILES]
    if unknown:
        raise PluginError(f"print_page_assets: {where}: unexpected print-site files {unknown}")
    return TAG.sub("", output)


@event_priority(-50)  # after other hooks; the whole-paper page is not a page here
def on_post_page(output, page, **kwargs):
    return _without_print_site(output, page.file.src_uri)


def on_post_template(output, template_name, **kwargs):
    return _without_print_site(output, template_name) if template_name == "404.html" else output
