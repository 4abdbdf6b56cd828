"""Logs: JSON lines off a terminal with the request's context on every line."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot import logs


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_the_request_context(restore_root: None) -> None:
    out = io.StringIO()
    logs.configure("INFO", out)
    log = logging.getLogger("bot.test")
    with logs.bind(request_id="r1", team="T1", user="U1"), logs.bind(entry=42, user=None):
        log.info("posted %s", "JE-000001")
    log.debug("not at INFO")
    log.warning("outside")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2
    first, second = lines
    assert first["msg"] == "posted JE-000001" and first["level"] == "INFO"
    assert (first["request_id"], first["team"], first["user"], first["entry"]) == (
        "r1",
        "T1",
        "U1",
        42,
    )
    assert "request_id" not in second  # the context ended with the block


def test_a_terminal_gets_readable_lines(restore_root: None) -> None:
    out = Tty()
    logs.configure("WARNING", out)
    with logs.bind(request_id="abc123", job="sync"):
        logging.getLogger("bot.test").warning("QuickBooks throttled")
    line = out.getvalue().strip()
    assert "QuickBooks throttled" in line and "request_id=abc123 job=sync" in line
    assert not line.startswith("{")


def test_exceptions_are_logged_with_their_traceback(restore_root: None) -> None:
    out = io.StringIO()
    logs.configure("INFO", out)
    try:
        raise ValueError("bad")
    except ValueError:
        logging.getLogger("bot.test").exception("failed")
    line = json.loads(out.getvalue())
    assert "ValueError: bad" in line["exc"]
