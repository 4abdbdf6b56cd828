"""Logging: JSON lines when nobody is watching (a container, a file), readable lines on a
terminal, and context on every line: a request id per Slack request and per job run, with
the team, user, company and entry ids where they are known.

The context lives in a ContextVar, so it follows a request through the thread that handles
it; `bind(...)` adds to it for the duration of a block.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("log_context")
FIELDS = ("request_id", "job", "team", "user", "company", "entry", "channel")
# Fields a logger may pass per line with `extra=` (the QuickBooks sync does).
EXTRA_FIELDS = ("entry_id", "outbox_id", "company_id", "qbo_code", "intuit_tid")


def new_request_id() -> str:
    return uuid.uuid4().hex[:12]


def current() -> dict[str, Any]:
    return dict(_context.get({}))


@contextlib.contextmanager
def bind(**fields: Any) -> Iterator[dict[str, Any]]:
    """Add fields (None values are left out) to every log line inside the block."""
    merged = {**_context.get({}), **{k: v for k, v in fields.items() if v is not None}}
    token = _context.set(merged)
    try:
        yield merged
    finally:
        _context.reset(token)


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.context = _context.get({})
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        line.update(getattr(record, "context", {}) or {})
        for name in EXTRA_FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


class ReadableFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        ctx = getattr(record, "context", {}) or {}
        if ctx:
            text += "  [" + " ".join(f"{k}={ctx[k]}" for k in FIELDS if k in ctx) + "]"
        return text


def configure(level: str = "INFO", stream: TextIO | None = None) -> None:
    """Set up the root logger once per process (the server, the CLI, the scheduler)."""
    stream = stream or sys.stderr
    handler = logging.StreamHandler(stream)
    tty = hasattr(stream, "isatty") and stream.isatty()
    handler.setFormatter(ReadableFormatter() if tty else JsonFormatter())
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_writeoff", False):
            root.removeHandler(old)
    handler._writeoff = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries that log every request at INFO would drown ours.
    noisy_loggers = (
        "alembic",
        "httpx",
        "httpcore",
        "slack_bolt",
        "slack_sdk",
        "apscheduler",
        "uvicorn.access",
    )
    for noisy in noisy_loggers:
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
