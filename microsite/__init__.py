"""microsite: data → validated model → pages, feeds and structured data.

The core never imports MkDocs; ``hooks/site_hooks.py`` (building) and ``hooks/preview.py``
(previewing) are the only adapters.
"""

__all__: list[str] = []
