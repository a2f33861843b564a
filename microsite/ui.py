"""Interface words in each language: labels, event kinds and statuses.

The one table of UI strings; renderers look words up here, never inline.
"""

from __future__ import annotations

from .model.event import EventKind, EventStatus

__all__ = ["KIND_LABELS", "STATUS_LABELS", "label", "BABEL_LOCALES"]

BABEL_LOCALES = {"pl": "pl_PL", "en": "en_GB"}
"""CLDR locale used for dates, numbers and plurals in each site language."""

KIND_LABELS: dict[EventKind, dict[str, str]] = {
    EventKind.DUTY_HOURS: {"pl": "Dyżur informacyjny", "en": "Information duty hours"},
    EventKind.INFORMATION_MEETING: {"pl": "Spotkanie informacyjne", "en": "Information meeting"},
    EventKind.RECRUITMENT_MEETING: {"pl": "Spotkanie rekrutacyjne", "en": "Recruitment meeting"},
    EventKind.TRAINING: {"pl": "Szkolenie", "en": "Training"},
    EventKind.WORKSHOP: {"pl": "Warsztaty", "en": "Workshop"},
    EventKind.WORKING_MEETING: {"pl": "Spotkanie robocze", "en": "Working meeting"},
    EventKind.STUDY_VISIT: {"pl": "Wizyta studyjna", "en": "Study visit"},
}

STATUS_LABELS: dict[EventStatus, dict[str, str]] = {
    EventStatus.SCHEDULED: {"pl": "Zaplanowane", "en": "Scheduled"},
    EventStatus.CANCELLED: {"pl": "Odwołane", "en": "Cancelled"},
    EventStatus.POSTPONED: {"pl": "Przełożone – nowy termin wkrótce", "en": "Postponed – new date to follow"},
    EventStatus.RESCHEDULED: {"pl": "Zmiana terminu", "en": "Rescheduled"},
    EventStatus.MOVED_ONLINE: {"pl": "Przeniesione do internetu", "en": "Moved online"},
}

_LABELS: dict[str, dict[str, str]] = {
    "schedule": {"pl": "Harmonogram", "en": "Schedule"},
    "upcoming": {"pl": "Nadchodzące", "en": "Upcoming"},
    "past": {"pl": "Minione", "en": "Past"},
    "no_upcoming": {"pl": "Nie ma zaplanowanych wydarzeń.", "en": "There are no upcoming events."},
    "subscribe": {"pl": "Subskrybuj kalendarz", "en": "Subscribe to the calendar"},
    "subscribe_google": {"pl": "Dodaj do Kalendarza Google", "en": "Add to Google Calendar"},
    "download_ics": {"pl": "Pobierz plik .ics", "en": "Download the .ics file"},
    "previously": {"pl": "Poprzedni termin", "en": "Previously"},
    "where": {"pl": "Miejsce", "en": "Where"},
    "when": {"pl": "Termin", "en": "When"},
    "organiser": {"pl": "Organizator", "en": "Organiser"},
    "audience": {"pl": "Dla kogo", "en": "Who it is for"},
    "register": {"pl": "Zapisy", "en": "Registration"},
    "programme": {"pl": "Program", "en": "Programme"},
    "local_time": {"pl": "czas lokalny", "en": "local time"},
    "online": {"pl": "Online", "en": "Online"},
    "all_feeds": {"pl": "Wszystkie wydarzenia", "en": "All events"},
    # Reader notices about translations; {source} is the source language's name in the reader's language.
    "untranslated": {"pl": "Ta strona nie ma jeszcze wersji polskiej. Poniżej oryginał (język: {source}).",
                     "en": "This page has not been translated into English yet. Below is the original in {source}."},
    "stale_translation": {"pl": "To tłumaczenie może być nieaktualne: oryginał (język: {source}) zmienił się "
                                "po jego przygotowaniu.",
                          "en": "This translation may be out of date: the {source} original has changed since "
                                "it was translated."},
    "read_original": {"pl": "Przeczytaj oryginał", "en": "Read the original"},
    "news": {"pl": "Aktualności", "en": "News"},
    "no_news": {"pl": "Nie ma jeszcze aktualności.", "en": "There is no news yet."},
    "news_feed": {"pl": "Subskrybuj aktualności (kanał Atom)", "en": "Subscribe to the news (Atom feed)"},
    "not_found": {"pl": "Nie ma takiej strony", "en": "Page not found"},
    "not_found_text": {"pl": "Strona mogła zostać przeniesiona albo adres zawiera błąd.",
                       "en": "The page may have moved, or the address may contain a mistake."},
    "home": {"pl": "Przejdź do strony głównej", "en": "Go to the home page"},
}


def label(key: str, lang: str) -> str:
    """Return an interface word in ``lang``."""
    return _LABELS[key][lang]
