"""The house rules, checked from the code itself (ast), so a shortcut that breaks them fails
CI instead of waiting for a reviewer:

- ledger/ imports neither qbo/ nor bot/ (its migrations' env aside); qbo/ imports only ledger/;
- bot/slack/ui/ renders the values it is given: no qbo/, no database layer, no Slack client;
- bot/slack/listeners/ reach the books only through bot/services/;
- Block Kit dicts are built only in bot/slack/ui/;
- no SQL outside ledger/, qbo/ and bot/services/;
- no Slack id typed as a string literal outside bot/slack/ids.py.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.ids import Id

ROOT = Path(__file__).resolve().parents[1]
BLOCK_TYPES = frozenset(
    {
        "section",
        "actions",
        "context",
        "header",
        "divider",
        "input",
        "image",
        "modal",
        "home",
        "button",
        "mrkdwn",
        "plain_text",
        "plain_text_input",
        "static_select",
        "datepicker",
        "overflow",
        "checkboxes",
        "radio_buttons",
    }
)
DATABASE = (
    "sqlmodel",
    "sqlalchemy",
    "ledger.db",
    "ledger.models",
    "ledger.posting",
    "ledger.audit",
)


def files(under: str) -> Iterator[Path]:
    for path in sorted((ROOT / under).rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield path


@functools.cache
def tree_of(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), str(path))


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module a file imports, with the line (relative imports resolved)."""
    tree = tree_of(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                package = rel(path).removesuffix(".py").replace("/", ".").split(".")
                module = ".".join(package[: -node.level] + ([module] if module else []))
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def offenders(under: str, bad: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in files(under):
        if rel(path) in allowed:
            continue
        for line, module in imports(path):
            if any(module == b or module.startswith(b + ".") for b in bad):
                found.append(f"{rel(path)}:{line} imports {module}")
    return found


def test_ledger_imports_neither_qbo_nor_bot() -> None:
    assert offenders("ledger", ("qbo", "bot"), allowed=("ledger/migrations/env.py",)) == []


def test_qbo_imports_only_ledger() -> None:
    assert offenders("qbo", ("bot",)) == []


def test_ui_renders_values_it_is_given() -> None:
    services_but_display = [
        f"bot.services.{p.stem}" for p in files("bot/services") if p.stem not in ("display",)
    ]
    bad = ("qbo", *DATABASE, "slack_sdk", "slack_bolt", *services_but_display)
    assert offenders("bot/slack/ui", bad) == []


def test_listeners_reach_the_books_only_through_services() -> None:
    bad = (
        "qbo",
        *DATABASE,
        "ledger.claims",
        "ledger.countsheet",
        "ledger.evidence",
        "ledger.reports",
    )
    assert offenders("bot/slack/listeners", bad) == []


def test_no_sql_outside_the_books_and_the_services() -> None:
    bad = ("sqlmodel", "sqlalchemy", "ledger.db.session_scope")
    outside = [p for p in ("bot/slack", "bot/cli") if (ROOT / p).exists()]
    found = [o for under in outside for o in offenders(under, bad)]
    found += [o for o in offenders("bot", bad) if o.count("/") == 1]  # bot/*.py
    assert found == []


def _block_dicts(path: Path) -> Iterator[int]:
    tree = tree_of(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and key.value == "type"
                    and isinstance(value, ast.Constant)
                    and value.value in BLOCK_TYPES
                ):
                    yield node.lineno


def test_block_kit_is_built_only_in_ui() -> None:
    found = [
        f"{rel(p)}:{line}"
        for p in files("bot")
        if not rel(p).startswith("bot/slack/ui/")
        for line in _block_dicts(p)
    ]
    assert found == []


# Ids that are also ordinary words in code ("reason" is a details key, "approve" a role
# action): for them only Slack-shaped uses count (action_id=..., app.action(...)).
_WORDLIKE = {i.value for i in Id if "_" not in i.value and "/" not in i.value}
_SLACK_KEYWORDS = {"action_id", "block_id", "callback_id"}
_REGISTRARS = {"action", "view", "command", "shortcut", "block_action", "block_suggestion"}


def _id_literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = tree_of(path)
    slack_app = rel(path).startswith("bot/slack/")  # bot/cli's app.command is typer's
    values = {i.value for i in Id} | {i.value.replace("{}", "") for i in Id if "{}" in i.value}
    slack_shaped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in _SLACK_KEYWORDS:
            slack_shaped.add(id(node.value))
        if (
            slack_app
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _REGISTRARS
            and node.args
        ):
            slack_shaped.add(id(node.args[0]))
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in _SLACK_KEYWORDS:
                    slack_shaped.add(id(value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if text in values and (text not in _WORDLIKE or id(node) in slack_shaped):
                yield node.lineno, text


def test_no_slack_id_literal_outside_ids() -> None:
    found = [
        f"{rel(p)}:{line} {text!r}"
        for p in files("bot")
        if rel(p) != "bot/slack/ids.py"
        for line, text in _id_literals(p)
    ]
    assert found == []


@pytest.mark.parametrize("kind", ["actions", "commands", "events", "shortcuts", "views"])
def test_every_handler_is_a_top_level_function(kind: str) -> None:
    """Handlers in the registration tables can be imported and called by a unit test."""
    import importlib

    module = importlib.import_module(f"bot.slack.listeners.{kind}")
    tables = [v for k, v in vars(module).items() if k.isupper() and isinstance(v, dict)]
    assert tables, f"bot.slack.listeners.{kind} has no registration table"
    for table in tables:
        for entry in table.values():
            handlers = entry[1] if isinstance(entry, tuple) else entry
            if isinstance(entry, tuple):
                handlers = [entry[0], *entry[1]]
            for fn in handlers:
                assert "<locals>" not in fn.__qualname__, fn.__qualname__
                assert getattr(importlib.import_module(fn.__module__), fn.__name__) is fn
