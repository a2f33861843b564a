"""microsite: data → validated model → pages, feeds and structured data.

The core never imports MkDocs; ``hooks/site_hooks.py`` is the only adapter.
"""

__all__: list[str] = []
