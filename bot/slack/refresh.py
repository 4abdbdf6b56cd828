"""Who wants to hear that an entry changed, besides its card: the App Home publisher. A tiny
registry so bot/slack/cards.py can tell it without importing it (the publisher reads cards)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

# id(database engine) -> (the engine, what to call). Keyed by the database, not the Books:
# every company of a deployment shares it, so a change in any company's books reaches the
# Home publisher (a Home groups them). The weak reference makes sure an id Python reused
# for another engine never reaches the wrong app.
_listeners: dict[int, tuple[weakref.ref[Any], Callable[[], None]]] = {}


def _key(books: object) -> object:
    return getattr(books, "engine", None) or books


def listen(books: object, callback: Callable[[], None]) -> None:
    key = _key(books)
    _listeners[id(key)] = (weakref.ref(key), callback)


def changed(books: object) -> None:
    """The books changed in a way people may be looking at (no-op without a listener)."""
    key = _key(books)
    found = _listeners.get(id(key))
    if found is not None and found[0]() is key:
        found[1]()
