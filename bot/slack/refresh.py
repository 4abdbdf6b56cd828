"""Who wants to hear that an entry changed, besides its card: the App Home publisher. A tiny
registry so bot/slack/cards.py can tell it without importing it (the publisher reads cards)."""

from __future__ import annotations

from collections.abc import Callable

_listeners: dict[int, Callable[[], None]] = {}  # id(Books) -> what to call


def listen(books: object, callback: Callable[[], None]) -> None:
    _listeners[id(books)] = callback


def changed(books: object) -> None:
    """The books changed in a way people may be looking at (no-op without a listener)."""
    callback = _listeners.get(id(books))
    if callback is not None:
        callback()
