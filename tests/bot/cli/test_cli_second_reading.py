"""`writeoff draft` with ANTHROPIC_API_KEY set: both readings at once, Claude's checked
against the offline reader's (the real SDK against the local fake Messages API)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.bot.cli.test_cli import OBSOLETE, isolate_env
from tests.conftest import migrated_sqlite_url
from tests.fakes.anthropic_api import entry, serve_fake_anthropic, tool_answer


@pytest.mark.parametrize(("quantity", "confident"), [("40", True), ("12", False)])
def test_draft_checks_claude_against_the_offline_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quantity: str, confident: bool
) -> None:
    isolate_env(monkeypatch, tmp_path)
    migrated_sqlite_url(tmp_path)
    with serve_fake_anthropic() as claude:
        monkeypatch.setenv("ANTHROPIC_API_KEY", claude.api_key)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", claude.url)
        answer = entry(
            category="loss", reason="obsolete", sku="SKU-12", quantity=quantity, unit_cost="15"
        )
        claude.script(tool_answer([answer]))
        r = CliRunner().invoke(app, ["draft", "--json", OBSOLETE])
        assert r.exit_code == 0, r.stdout
        assert claude.message_requests, "Claude was asked"
    [d] = json.loads(r.stdout)["drafts"]
    assert d["amount"] == "600.00"  # the offline reading's figures; Claude's 12 never wins
    assert (d["confidence"] >= 0.9) is confident
    if confident:
        assert any("Two independent readings agree" in e for e in d["explanation"])
    else:
        assert any("Two readings differ on the quantity" in w for w in d["warnings"])
