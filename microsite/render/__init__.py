"""Pure renderers: model + language → HTML fragments, iCalendar files, JSON-LD."""

__all__: list[str] = []
