"""Who wants to hear that an entry changed, besides its card: the App Home publisher. A tiny
registry so bot/slack/cards.py can tell it without importing it (the publisher reads cards)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

# id(Books) -> (the Books, what to call). The weak reference makes sure an id Python reused
# for another Books never reaches the wrong app.
_listeners: dict[int, tuple[weakref.ref[Any], Callable[[], None]]] = {}


def listen(books: object, callback: Callable[[], None]) -> None:
    _listeners[id(books)] = (weakref.ref(books), callback)


def changed(books: object) -> None:
    """The books changed in a way people may be looking at (no-op without a listener)."""
    found = _listeners.get(id(books))
    if found is not None and found[0]() is books:
        found[1]()
