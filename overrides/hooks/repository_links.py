"""Link the repository only when it is known: with REPO_URL unset (a local clone),
drop `edit_uri`, which MkDocs would otherwise turn into broken relative
"Edit this page" links (and warnings that fail the strict build)."""
from __future__ import annotations

from mkdocs.plugins import event_priority


@event_priority(100)  # before plugins read the config
def on_config(config, **kwargs):
    if not config.repo_url:
        config.edit_uri = None
    return config
