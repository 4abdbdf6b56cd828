"""The `writeoff` command line as a user meets it: a fresh SQLite database per test, the
typer app driven by CliRunner, and the installed console script run for real twice.

Nothing from the developer's environment leaks in: the working directory is the test's own
(so no .env is found) and every variable the settings read is unset.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings
from tests.bot.conftest import free_port
from tests.conftest import migrated_sqlite_url
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_socket import FakeSocketMode
from tests.ledger.tamper import sqlite_guard_lifted

DATA = Path(__file__).resolve().parents[2] / "data"
WRITEOFF = Path(sys.executable).parent / "writeoff"

OBSOLETE = "40 units obsolete SKU-12 at $15"
DAMAGED = "Write off $2,400 of damaged inventory from warehouse B"
MONEY = re.compile(r"^\d+\.\d{2}$")

# The README's `writeoff draft --json` contract.
DOCUMENTED_DRAFT_KEYS = {
    "kind",
    "reason",
    "sku",
    "quantity",
    "unit_cost",
    "location",
    "amount",
    "lines",
    "confidence",
    "explanation",
    "warnings",
    "missing",
    "item_quantity",
}
# Present in the output but not (yet) named in the README; pinned so that any other new
# key is a deliberate change.
UNDOCUMENTED_DRAFT_KEYS = {"category", "unit", "memo", "reason_assumed"}


def this_month() -> str:
    # The CLI dates saved drafts and reversals with date.today().
    return f"{date.today():%Y-%m}"


@dataclass
class Cli:
    runner: CliRunner
    home: Path

    def run(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(app, list(args), input=input)

    def ok(self, *args: str, input: str | None = None) -> Result:
        r = self.run(*args, input=input)
        assert r.exit_code == 0, (args, r.exit_code, r.stdout, r.stderr, r.exception)
        return r

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args).stdout)

    def refused(self, *args: str, input: str | None = None) -> Result:
        r = self.run(*args, input=input)
        assert r.exit_code != 0, (args, r.stdout)
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
        return r

    def save(self, text: str = OBSOLETE) -> int:
        out = self.ok("draft", "--save", text).stdout
        m = re.search(r"saved as draft #(\d+)", out)
        assert m, out
        return int(m.group(1))

    def entries(self) -> list[dict[str, Any]]:
        return self.json("entries", "list", "--json")

    def trial_balance(self) -> dict[str, Any]:
        return self.json("report", "trial-balance", "--json")


def isolate_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no developer .env in the working directory
    names = {f.alias.upper() for f in Settings.model_fields.values() if f.alias}
    names |= {"ANTHROPIC_API_KEY", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"}
    for key in list(os.environ):
        # Settings are case-insensitive, so `slack_bot_token` would count too.
        if key.upper() in names or key.upper().startswith("SLACK_"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/books.db")


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """The command line on a database at the newest migration (a copy of one migrated once;
    `db upgrade` on an empty database is run by the console-script tests)."""
    isolate_env(monkeypatch, tmp_path)
    migrated_sqlite_url(tmp_path)
    c = Cli(CliRunner(), tmp_path)
    r = c.ok("db", "upgrade")
    assert "database at revision" in r.stdout
    assert (tmp_path / "books.db").exists()
    return c


def account(tb: dict[str, Any], code: str) -> dict[str, Any]:
    return next(a for a in tb["accounts"] if a["code"] == code)


# -- draft ---------------------------------------------------------------------------------


def test_draft_human_output_shows_the_entry_and_why(cli: Cli) -> None:
    r = cli.ok("draft", OBSOLETE)
    out = r.stdout
    dr = next(line for line in out.splitlines() if "5000 Cost of Goods Sold" in line)
    cr = next(line for line in out.splitlines() if "1200 Inventory" in line)
    assert dr.strip().startswith("Dr") and "$600.00" in dr
    assert cr.strip().startswith("Cr") and "$600.00" in cr
    assert re.search(r"confidence (0\.\d\d|1\.00)", out)
    assert re.search(r"^\s+why: .*materiality", out, re.M)
    assert "SKU-12" in out
    assert "saved as draft" not in out  # drafting alone stores nothing
    assert cli.entries() == []


def test_draft_json_matches_the_documented_contract(cli: Cli) -> None:
    r = cli.ok("draft", "--json", DAMAGED)
    obj = json.loads(r.stdout)  # exactly one JSON object on stdout
    assert set(obj) == {"text", "ok", "drafts"}
    assert obj["text"] == DAMAGED and obj["ok"] is True
    assert len(obj["drafts"]) == 1
    d = obj["drafts"][0]
    assert set(d) >= DOCUMENTED_DRAFT_KEYS
    assert set(d) == DOCUMENTED_DRAFT_KEYS | UNDOCUMENTED_DRAFT_KEYS
    assert d["kind"] == "write_off"
    assert d["reason"] == "damaged"
    assert d["location"] == "warehouse B"
    assert d["sku"] is None and d["quantity"] is None and d["unit_cost"] is None
    assert d["amount"] == "2400.00"
    assert d["lines"] == [
        {
            "account": "5200",
            "name": "Inventory Write-Off Expense",
            "debit": "2400.00",
            "credit": "0.00",
        },
        {"account": "1200", "name": "Inventory", "debit": "0.00", "credit": "2400.00"},
    ]
    for ln in d["lines"]:
        assert set(ln) == {"account", "name", "debit", "credit"}
        assert MONEY.match(ln["debit"]) and MONEY.match(ln["credit"])
    assert isinstance(d["confidence"], float) and 0.0 <= d["confidence"] <= 1.0
    assert d["confidence"] >= 0.9  # every field read unambiguously
    assert isinstance(d["explanation"], list) and d["explanation"]
    assert all(isinstance(s, str) for s in d["explanation"])
    assert d["warnings"] == [] and d["missing"] == []


def test_draft_json_quantities_and_costs_are_strings(cli: Cli) -> None:
    d = json.loads(cli.ok("draft", "--json", OBSOLETE).stdout)["drafts"][0]
    assert d["quantity"] == "40"
    assert d["unit_cost"] == "15.00"
    assert d["amount"] == "600.00"
    assert [ln["account"] for ln in d["lines"]] == ["5000", "1200"]


def test_batch_json_one_object_per_nonblank_line_in_order(cli: Cli) -> None:
    requests = [
        "6x SKU-410 broken $12 ea",
        "hi there",
        "2 units SKU-77 stolen at $45",
        DAMAGED,
    ]
    stdin = f"{requests[0]}\n\n{requests[1]}\n   \n{requests[2]}\n{requests[3]}\n"
    r = cli.run("draft", "--json", input=stdin)
    lines = r.stdout.splitlines()
    assert len(lines) == len(requests)
    objs = [json.loads(line) for line in lines]  # each line is one whole JSON object
    assert [o["text"] for o in objs] == requests
    assert [o["ok"] for o in objs] == [True, False, True, True]
    bad = objs[1]
    assert set(bad) == {"text", "ok", "error"}
    assert isinstance(bad["error"], str) and bad["error"]
    assert objs[0]["drafts"][0]["amount"] == "72.00"
    assert objs[2]["drafts"][0]["lines"][0]["account"] == "5200"  # theft: any amount
    assert objs[3]["drafts"][0]["amount"] == "2400.00"


def test_unreadable_text_is_refused_with_a_helpful_error(cli: Cli) -> None:
    r = cli.run("draft", "hi there")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("error: ")
    assert "Try:" in r.stderr  # says what a request looks like


def test_unreadable_text_json_is_ok_false_and_exit_1(cli: Cli) -> None:
    r = cli.run("draft", "--json", "hi there")
    assert r.exit_code == 1
    obj = json.loads(r.stdout)
    assert set(obj) == {"text", "ok", "error"}
    assert obj["ok"] is False and obj["text"] == "hi there" and obj["error"]


def test_draft_json_save_stores_the_draft(cli: Cli) -> None:
    cli.ok("draft", "--json", "--save", OBSOLETE)
    assert [e["status"] for e in cli.entries()] == ["draft"]


def test_batch_human_mode_keeps_going_after_an_unreadable_line(cli: Cli) -> None:
    r = cli.run("draft", "--save", input="hi there\n2 units SKU-77 stolen at $45\n")
    assert "5200 Inventory Write-Off Expense" in r.stdout
    assert [e["source_text"] for e in cli.entries()] == ["2 units SKU-77 stolen at $45"]


# -- entries -------------------------------------------------------------------------------


def test_save_list_approve_and_approve_again(cli: Cli) -> None:
    entry_id = cli.save()
    [e] = cli.entries()
    assert e["id"] == entry_id
    assert e["status"] == "draft"
    assert e["number"] is None and e["approved_by"] is None
    assert e["source_text"] == OBSOLETE
    assert e["date"] == date.today().isoformat()
    assert e["lines"] == [
        {"account": "5000", "name": "Cost of Goods Sold", "debit": "600.00", "credit": "0.00"},
        {"account": "1200", "name": "Inventory", "debit": "0.00", "credit": "600.00"},
    ]
    human = cli.ok("entries", "list").stdout
    assert "draft" in human and "$600.00" in human

    r = cli.ok("entries", "approve", str(entry_id), "--as", "alice")
    assert f"entry {entry_id} posted as JE-000001" in r.stdout
    again = cli.ok("entries", "approve", str(entry_id), "--as", "bob")
    assert "already posted" in again.stdout and "JE-000001" in again.stdout

    [e] = cli.entries()  # still one entry: the second approval wrote nothing
    assert e["status"] == "posted"
    assert e["number"] == "JE-000001"
    assert e["approved_by"] == "alice"
    tb = cli.trial_balance()
    assert tb["total_debit"] == tb["total_credit"] == "600.00"
    assert "2 events verified" in cli.ok("audit", "verify").stdout  # drafted, posted


def test_approve_unknown_entry_is_refused(cli: Cli) -> None:
    r = cli.refused("entries", "approve", "99", "--as", "alice")
    assert r.exit_code == 1
    assert "no entry 99" in r.stderr


def test_reverse_posts_a_reversal_and_zeroes_the_books(cli: Cli) -> None:
    entry_id = cli.save()
    cli.ok("entries", "approve", str(entry_id), "--as", "alice")
    r = cli.ok("entries", "reverse", str(entry_id), "--reason", "wrong sku")
    assert "reversed by JE-000002" in r.stdout
    again = cli.ok("entries", "reverse", str(entry_id), "--reason", "wrong sku")
    assert "JE-000002" in again.stdout and "already" in again.stdout

    reversal, original = cli.entries()  # newest first
    assert original["status"] == "reversed"
    assert original["reversed_by_id"] == reversal["id"]
    assert reversal["status"] == "posted"
    assert reversal["number"] == "JE-000002"
    assert reversal["reverses_id"] == entry_id
    assert "wrong sku" in reversal["memo"]
    assert reversal["lines"] == [
        {"account": "5000", "name": "Cost of Goods Sold", "debit": "0.00", "credit": "600.00"},
        {"account": "1200", "name": "Inventory", "debit": "600.00", "credit": "0.00"},
    ]
    tb = cli.trial_balance()
    assert tb["balanced"] is True
    assert tb["total_debit"] == tb["total_credit"] == "0.00"
    assert all(a["debit"] == a["credit"] == "0.00" for a in tb["accounts"])
    rep = cli.json("report", "writeoffs", "--month", this_month(), "--json")
    assert rep["total"] == "0.00" and rep["by_reason"] == {"obsolete": "0.00"}


def test_reverse_a_draft_is_refused(cli: Cli) -> None:
    entry_id = cli.save()
    r = cli.refused("entries", "reverse", str(entry_id), "--reason", "oops")
    assert "only posted entries can be reversed" in r.stderr


# -- reports -------------------------------------------------------------------------------


def test_trial_balance_json_csv_and_human(cli: Cli) -> None:
    empty = cli.trial_balance()
    assert empty["balanced"] is True and empty["total_debit"] == "0.00"
    cli.ok("entries", "approve", str(cli.save()), "--as", "alice")

    tb = cli.trial_balance()
    assert tb["balanced"] is True
    assert tb["total_debit"] == "600.00" and tb["total_credit"] == "600.00"
    assert account(tb, "5000")["debit"] == "600.00"
    assert account(tb, "1200")["credit"] == "600.00"
    assert {a["code"] for a in tb["accounts"]} >= {"1000", "1200", "1290", "5000", "5200"}

    csv_lines = cli.ok("report", "trial-balance", "--csv").stdout.splitlines()
    assert csv_lines[0] == "code,name,type,debit,credit"
    assert "5000,Cost of Goods Sold,Cost of Goods Sold,600.00,0.00" in csv_lines
    assert "1200,Inventory,Other Current Asset,0.00,600.00" in csv_lines

    human = cli.ok("report", "trial-balance").stdout.splitlines()
    total = next(line for line in human if line.split()[:1] == ["Total"])
    assert total.count("$600.00") == 2


def test_writeoffs_report_for_this_month(cli: Cli) -> None:
    cli.ok("entries", "approve", str(cli.save()), "--as", "alice")
    cli.ok("entries", "approve", str(cli.save("2 units SKU-77 stolen at $45")), "--as", "bob")
    month = this_month()
    rep = cli.json("report", "writeoffs", "--month", month, "--json")
    assert rep["month"] == month
    assert rep["total"] == "690.00"
    assert rep["count"] == 2
    assert rep["by_reason"] == {"obsolete": "600.00", "stolen": "90.00"}
    assert rep["by_sku"] == {"SKU-12": "600.00", "SKU-77": "90.00"}

    other = cli.json("report", "writeoffs", "--month", "2001-01", "--json")
    assert other["total"] == "0.00" and other["by_reason"] == {}
    every = cli.json("report", "writeoffs", "--json")
    assert every["total"] == "690.00"

    csv_lines = cli.ok("report", "writeoffs", "--month", month, "--csv").stdout.splitlines()
    assert csv_lines[0] == "group,key,amount"
    assert "by_reason,obsolete,600.00" in csv_lines
    human = cli.ok("report", "writeoffs", "--month", month).stdout
    assert "2 entries" in human and "$690.00" in human


@pytest.mark.parametrize("bad", ["2026-13", "October", "2026-10-05"])
def test_writeoffs_report_rejects_a_bad_month(cli: Cli, bad: str) -> None:
    r = cli.refused("report", "writeoffs", "--month", bad, "--json")
    assert "YYYY-MM" in r.stderr
    assert r.stdout == ""


# -- periods and the audit trail -----------------------------------------------------------


def test_closed_period_refuses_posting_until_reopened(cli: Cli) -> None:
    month = this_month()
    entry_id = cli.save()
    assert f"{month} closed" in cli.ok("period", "close", month).stdout
    assert "already closed" in cli.ok("period", "close", month).stdout

    r = cli.refused("entries", "approve", str(entry_id), "--as", "alice")
    assert "closed" in r.stderr and month in r.stderr
    [e] = cli.entries()
    assert e["status"] == "draft" and e["number"] is None
    assert cli.trial_balance()["total_debit"] == "0.00"

    assert f"{month} reopened" in cli.ok("period", "reopen", month).stdout
    r = cli.ok("entries", "approve", str(entry_id), "--as", "alice")
    assert "posted as JE-000001" in r.stdout
    # drafted, period_closed, period_reopened, posted (the refusal writes nothing)
    assert "4 events verified" in cli.ok("audit", "verify").stdout


def test_reversal_into_a_closed_period_is_refused(cli: Cli) -> None:
    entry_id = cli.save()
    cli.ok("entries", "approve", str(entry_id), "--as", "alice")
    cli.ok("period", "close", this_month())
    r = cli.refused("entries", "reverse", str(entry_id), "--reason", "wrong sku")
    assert "closed" in r.stderr
    assert cli.trial_balance()["total_debit"] == "600.00"


@pytest.mark.parametrize("bad", ["2026-13", "October"])
def test_period_close_rejects_a_bad_month(cli: Cli, bad: str) -> None:
    r = cli.refused("period", "close", bad)
    assert "YYYY-MM" in r.stderr


def test_audit_verify_detects_tampering(cli: Cli) -> None:
    r = cli.ok("audit", "verify")
    assert "0 events verified" in r.stdout
    cli.ok("entries", "approve", str(cli.save()), "--as", "alice")
    assert "audit chain intact: 2 events verified" in cli.ok("audit", "verify").stdout

    with sqlite3.connect(cli.home / "books.db") as db, sqlite_guard_lifted(db):
        changed = db.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2").rowcount
    db.close()
    assert changed == 1
    r = cli.refused("audit", "verify")
    assert r.exit_code == 1
    assert "event #2" in r.stderr
    assert "changed" in r.stderr


def test_audit_verify_detects_a_deleted_event(cli: Cli) -> None:
    cli.ok("entries", "approve", str(cli.save()), "--as", "alice")
    with sqlite3.connect(cli.home / "books.db") as db, sqlite_guard_lifted(db):
        db.execute("DELETE FROM audit_event WHERE seq = 1")
    db.close()
    r = cli.refused("audit", "verify")
    assert "event #1" in r.stderr


# -- items and accounts ----------------------------------------------------------------------


def test_items_import_supplies_the_unit_cost(cli: Cli) -> None:
    before = json.loads(cli.ok("draft", "--json", "12 units SKU-77 damaged").stdout)
    assert before["drafts"][0]["missing"] == ["unit_cost"]

    r = cli.ok("items", "import", str(DATA / "items.csv"))
    assert "2 items added" in r.stdout
    assert "0 items added, 0 updated" in cli.ok("items", "import", str(DATA / "items.csv")).stdout

    obj = json.loads(cli.ok("draft", "--json", "12 units SKU-77 damaged").stdout)
    d = obj["drafts"][0]
    assert d["sku"] == "SKU-77"
    assert d["unit_cost"] == "45.50"
    assert d["amount"] == "546.00"
    assert d["missing"] == []
    assert d["lines"][0] == {
        "account": "5000",
        "name": "Cost of Goods Sold",
        "debit": "546.00",
        "credit": "0.00",
    }
    assert any("item list" in why for why in d["explanation"])


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("items_bad_cost.csv", "line 3"),
        ("items_short_row.csv", "line 3"),
        ("items_no_cost_column.csv", "sku,name,unit_cost"),
    ],
)
def test_items_import_refuses_a_bad_file_and_imports_nothing(
    cli: Cli, name: str, needle: str
) -> None:
    r = cli.refused("items", "import", str(DATA / name))
    assert r.exit_code == 1
    assert needle in r.stderr
    assert name in r.stderr  # says which file
    # SKU-88 is on a good line of each file, but nothing was imported.
    d = json.loads(cli.ok("draft", "--json", "12 units SKU-88 damaged").stdout)["drafts"][0]
    assert d["unit_cost"] is None and "unit_cost" in d["missing"]


def test_items_import_missing_file(cli: Cli) -> None:
    r = cli.refused("items", "import", str(cli.home / "nope.csv"))
    assert "cannot read" in r.stderr


def test_accounts_import_adds_an_account(cli: Cli) -> None:
    r = cli.ok("accounts", "import", str(DATA / "chart.csv"))
    assert "1 accounts added" in r.stdout
    accts = cli.json("accounts", "list", "--json")
    spoilage = next(a for a in accts if a["code"] == "5500")
    assert spoilage["name"] == "Spoilage"
    assert spoilage["type"] == "Cost of Goods Sold"
    assert spoilage["active"] is True and spoilage["balance"] == "0.00"
    assert [a["code"] for a in accts] == sorted(a["code"] for a in accts)
    assert "5500    Spoilage" in cli.ok("accounts", "list").stdout


def test_accounts_import_refuses_an_unknown_type(cli: Cli) -> None:
    r = cli.refused("accounts", "import", str(DATA / "chart_bad_type.csv"))
    assert "line 3" in r.stderr and "Expenses" in r.stderr
    codes = {a["code"] for a in cli.json("accounts", "list", "--json")}
    assert "5600" not in codes and "5700" not in codes  # all or nothing


# -- start and serve -------------------------------------------------------------------------


def test_start_without_slack_explains_and_suggests_draft(cli: Cli) -> None:
    r = cli.run("start", input="")
    assert r.exit_code == 0, r.output
    assert "SLACK_BOT_TOKEN" in r.stdout
    assert "not set" in r.stdout
    assert 'writeoff draft "' in r.stdout


def test_serve_without_tokens_is_a_configuration_error(cli: Cli) -> None:
    r = cli.run("serve")
    assert r.exit_code == 2
    assert "SLACK_BOT_TOKEN" in r.stderr
    r = cli.run("serve", "--http")
    assert r.exit_code == 2
    assert "SLACK_BOT_TOKEN" in r.stderr and "SLACK_SIGNING_SECRET" in r.stderr


@pytest.mark.parametrize(
    ("app_token", "said"),
    [("xapp-1-A0FAKE-not-this-one", "invalid_auth"), ("bot", "not_allowed_token_type")],
)
def test_serve_with_a_refused_app_token_says_what_to_do(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, app_token: str, said: str
) -> None:
    # Slack refuses the token: slack_sdk alone would retry forever; serve stops and says why.
    with FakeSlack() as web, FakeSocketMode(web):
        token = web.token if app_token == "bot" else app_token  # a bot token pasted by mistake
        for key, value in {
            "SLACK_BOT_TOKEN": web.token,
            "SLACK_APP_TOKEN": token,
            "SLACK_API_URL": web.api_url,
            "HOST": "127.0.0.1",
            "PORT": str(free_port()),
        }.items():
            monkeypatch.setenv(key, value)
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        try:
            r = cli.run("serve")
        finally:  # serve set up logging to CliRunner's stream, closed after the run
            root.handlers[:] = handlers
            root.setLevel(level)
    assert r.exit_code == 2, r.output
    assert "SLACK_APP_TOKEN" in r.stderr and said in r.stderr
    assert "App-Level Tokens" in r.stderr and "connections:write" in r.stderr
    assert token not in r.output


def test_a_bad_database_url_is_a_configuration_error(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "nosuchdb://x")
    r = cli.run("entries", "list")
    assert r.exit_code == 2
    assert r.stderr.startswith("error: ")


# -- the installed console script ------------------------------------------------------------


def run_script(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WRITEOFF), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ),
        timeout=60,
    )


@pytest.fixture
def script_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    assert WRITEOFF.exists(), f"console script not installed at {WRITEOFF}"
    isolate_env(monkeypatch, tmp_path)
    return tmp_path


def test_console_script_drafts_json(script_env: Path) -> None:
    up = run_script(script_env, "db", "upgrade")
    assert up.returncode == 0, up.stderr
    p = run_script(script_env, "draft", "--json", DAMAGED)
    assert p.returncode == 0, p.stderr
    obj = json.loads(p.stdout)
    assert obj["ok"] is True
    assert [ln["account"] for ln in obj["drafts"][0]["lines"]] == ["5200", "1200"]
    assert (script_env / "books.db").exists()
    assert not (script_env / "data").exists()  # DATABASE_URL was honoured


def test_console_script_batch_and_exit_codes(script_env: Path) -> None:
    p = run_script(
        script_env,
        "draft",
        "--json",
        stdin="6x SKU-410 broken $12 ea\nhi there\n2 units SKU-77 stolen at $45\n",
    )
    assert p.returncode == 0, p.stderr
    assert [json.loads(line)["ok"] for line in p.stdout.splitlines()] == [True, False, True]
    bad = run_script(script_env, "draft", "hi there")
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: ")
    serve = run_script(script_env, "serve")
    assert serve.returncode == 2
    assert "SLACK_BOT_TOKEN" in serve.stderr


def test_console_script_batch_accepts_crlf_line_endings(script_env: Path) -> None:
    # Run for real: CliRunner's stdin translates newlines and would hide this.
    p = run_script(script_env, "draft", "--json", stdin="2 units SKU-77 stolen at $45\r\nhi\r\n")
    assert p.returncode == 0, p.stderr
    objs = [json.loads(line) for line in p.stdout.splitlines()]
    assert [o["text"] for o in objs] == ["2 units SKU-77 stolen at $45", "hi"]


def test_report_writeoffs_draws_the_chart(cli: Cli, tmp_path: Path) -> None:
    entry_id = cli.save()
    cli.ok("entries", "approve", str(entry_id), "--as", "alice")
    out = tmp_path / "nov.png"
    month = date.today().strftime("%Y-%m")
    cli.ok("report", "writeoffs", "--month", month, "--chart", str(out))
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
