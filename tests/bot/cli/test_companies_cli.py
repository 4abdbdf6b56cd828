"""`writeoff companies` and `--company`: several client entities in one database, each
with its own books, settings, numbering and audit chain; an existing one-company database
upgrades in place with nothing lost."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from ledger.db import MIGRATIONS, downgrade, make_engine
from tests.bot.cli.test_cli import OBSOLETE, Cli, account
from tests.bot.cli.test_cli import cli as _cli_fixture

cli = _cli_fixture  # the same fixture: a fresh migrated database per test


def save(cli: Cli, company: str, words: str = OBSOLETE) -> int:
    out = cli.ok("draft", "--save", words, "--company", company).stdout
    m = re.search(r"saved as draft #(\d+)", out)
    assert m, out
    return int(m.group(1))


def approve(cli: Cli, company: str, entry_id: int) -> str:
    out = cli.ok("--company", company, "entries", "approve", str(entry_id), "--as", "U0CTRL").stdout
    m = re.search(r"as (\S+)$", out.strip())
    assert m, out
    return m.group(1)


def two_companies(cli: Cli) -> None:
    cli.ok("companies", "add", "Acme Foods", "--currency", "cad")


# -- one company: nothing changes -----------------------------------------------------------


def test_one_company_needs_no_company_option(cli: Cli) -> None:
    rows = cli.json("companies", "list", "--json")
    assert [(r["slug"], r["first"]) for r in rows] == [("default", True)]
    entry_id = cli.save()
    assert cli.ok("entries", "approve", str(entry_id), "--as", "alice").stdout.endswith(
        "as JE-000001\n"
    )


def test_an_existing_database_upgrades_in_place_with_nothing_lost(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Books kept before companies existed: two posted entries, a draft, a closed month.
    first, second, draft = cli.save(), cli.save(), cli.save()
    cli.ok("entries", "approve", str(first), "--as", "alice")
    cli.ok("entries", "approve", str(second), "--as", "alice")
    cli.ok("period", "close", "2020-01")
    before_entries = cli.entries()
    before_tb = cli.trial_balance()
    url = f"sqlite:///{cli.home}/books.db"
    eng = make_engine(url)
    downgrade(eng, "0012")  # the schema as it was before this change, data in place
    with eng.connect() as conn:
        assert "company_setting" not in {
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))
        }
    eng.dispose()
    # Today's environment settings configure the (first) company after the upgrade.
    monkeypatch.setenv("WRITEOFF_MATERIALITY", "250.00")
    monkeypatch.setenv("WRITEOFF_APPROVERS", "U0CTRL")
    monkeypatch.setenv("WRITEOFF_TIMEZONE", "America/Chicago")
    newest = sorted((MIGRATIONS / "versions").glob("0*.py"))[-1].name[:4]
    assert f"revision {newest}" in cli.ok("db", "upgrade").stdout  # up to the newest

    assert cli.entries() == before_entries
    assert cli.trial_balance() == before_tb
    # 3 drafted, 2 posted, 1 period closed: the chain is whole.
    assert "6 events verified" in cli.ok("audit", "verify").stdout
    shown = cli.json("companies", "show", "default", "--json")
    assert shown["settings"]["materiality"] == "250.00"
    assert shown["settings"]["approvers"] == "U0CTRL"
    assert shown["settings"]["timezone"] == "America/Chicago"
    assert shown["stored"] == []  # nothing copied: the environment still rules
    # The numbering continues where it was; the closed month stays closed.
    assert approve(cli, "default", draft) == "JE-000003"
    assert "was already closed" in cli.ok("period", "close", "2020-01").stdout


# -- several companies ----------------------------------------------------------------------


def test_with_two_companies_a_books_command_must_say_which(cli: Cli) -> None:
    two_companies(cli)
    r = cli.refused("entries", "list")
    assert "--company" in r.stderr and "default" in r.stderr and "acme-foods" in r.stderr
    r = cli.refused("draft", OBSOLETE, "--company", "nobody")
    assert "no company 'nobody'" in r.stderr and "acme-foods" in r.stderr
    # The name works as well as the slug, before or after the sub-command.
    assert cli.ok("--company", "Acme Foods", "entries", "list").exit_code == 0
    assert cli.ok("entries", "list", "--company=acme-foods").exit_code == 0


def test_each_company_has_its_own_numbering_chain_and_balances(cli: Cli) -> None:
    two_companies(cli)
    cli.ok("companies", "set", "acme-foods", "number_prefix", "ACME-")
    a1 = save(cli, "default")
    b1 = save(cli, "acme-foods")
    b2 = save(cli, "acme-foods", "Write off $2,400 of damaged inventory from warehouse B")
    assert approve(cli, "acme-foods", b1) == "ACME-000001"
    assert approve(cli, "default", a1) == "JE-000001"
    assert approve(cli, "acme-foods", b2) == "ACME-000002"
    # One company's entry is not the other's to approve.
    r = cli.refused("--company", "default", "entries", "approve", str(b2), "--as", "U0CTRL")
    assert "ACME" not in r.stdout
    default_entries = cli.json("--company", "default", "entries", "list", "--json")
    acme_entries = cli.json("--company", "acme-foods", "entries", "list", "--json")
    assert [e["id"] for e in default_entries] == [a1]
    assert sorted(e["id"] for e in acme_entries) == sorted([b1, b2])
    tb_default = cli.json("--company", "default", "report", "trial-balance", "--json")
    tb_acme = cli.json("--company", "acme-foods", "report", "trial-balance", "--json")
    assert account(tb_default, "1200")["credit"] == "600.00"
    assert account(tb_acme, "1200")["credit"] == "3000.00"
    # Each audit chain verifies alone: created, currency and prefix set, 2 x (drafted, posted).
    assert "7 events verified" in cli.ok("audit", "verify", "--company", "acme-foods").stdout
    assert "2 events verified" in cli.ok("audit", "verify", "--company", "default").stdout


def test_settings_are_per_company_and_checked(cli: Cli) -> None:
    two_companies(cli)
    cli.ok("companies", "set", "acme-foods", "materiality", "50")
    cli.ok("companies", "set", "acme-foods", "approvers", "U0ACME1,S0ACMEFIN")
    cli.ok("companies", "set", "acme-foods", "timezone", "America/Toronto")
    cli.ok("companies", "set", "acme-foods", "holidays", "2026-07-01,2026-12-25")
    acme = cli.json("companies", "show", "acme-foods", "--json")
    default = cli.json("companies", "show", "default", "--json")
    assert acme["currency"] == "CAD" and default["currency"] == "USD"
    assert acme["settings"]["materiality"] == "50.00"
    assert default["settings"]["materiality"] == "1000.00"
    assert acme["settings"]["approvers"] == "U0ACME1,S0ACMEFIN"
    assert default["settings"]["approvers"] == ""
    assert acme["settings"]["holidays"] == "2026-07-01,2026-12-25"
    assert set(acme["stored"]) == {"currency", "materiality", "approvers", "timezone", "holidays"}
    # The company's policy drafts its entries: $600 is over its materiality, not default's.
    acme_draft = cli.json("draft", OBSOLETE, "--json", "--company", "acme-foods")
    default_draft = cli.json("draft", OBSOLETE, "--json", "--company", "default")
    debit = [d["drafts"][0]["lines"][0]["account"] for d in (acme_draft, default_draft)]
    assert debit == ["5200", "5000"]  # over Acme's materiality; under default's
    assert "CAD" in " ".join(acme_draft["drafts"][0]["explanation"])
    # Bad values are refused with what to write instead; nothing is stored.
    for key, value, words in [
        ("materiality", "0", "positive amount"),
        ("approvers", "bob", "not a Slack user id"),
        ("timezone", "Mars/Olympus", "unknown time zone"),
        ("holidays", "25/12/2026", "not a date"),
        ("currency", "dollars", "three-letter"),
        ("allow_self_approval", "maybe", "boolean"),
        ("approval_rules", "10000", "AMOUNT:ID"),
        ("colour", "blue", "unknown setting 'colour'"),
        ("number_prefix", "WAY-TOO-LONG", "up to 8"),
    ]:
        r = cli.refused("companies", "set", "acme-foods", key, value)
        assert words in r.stderr, (key, r.stderr)
    assert cli.json("companies", "show", "acme-foods", "--json")["stored"] == acme["stored"]
    # An empty value goes back to the default.
    cli.ok("companies", "set", "acme-foods", "materiality", "")
    again = cli.json("companies", "show", "acme-foods", "--json")
    assert again["settings"]["materiality"] == "1000.00"


def test_a_channel_belongs_to_one_company(cli: Cli) -> None:
    two_companies(cli)
    r = cli.ok("companies", "link", "acme-foods", "--channel", "C0ACME", "--channel", "C0ACME2")
    assert "C0ACME linked" in r.stdout
    assert (
        "already linked" in cli.ok("companies", "link", "acme-foods", "--channel", "C0ACME").stdout
    )
    r = cli.refused("companies", "link", "default", "--channel", "C0ACME")
    assert "belongs to company 'acme-foods'" in r.stderr
    assert (
        "not a Slack channel id"
        in cli.refused("companies", "link", "default", "--channel", "general").stderr
    )
    rows = {r["slug"]: r for r in cli.json("companies", "list", "--json")}
    assert rows["acme-foods"]["channels"] == ["C0ACME", "C0ACME2"]
    assert rows["default"]["channels"] == []


def test_adding_a_company_twice_or_without_a_name_is_refused(cli: Cli) -> None:
    two_companies(cli)
    assert "already a company 'acme-foods'" in cli.refused("companies", "add", "ACME foods").stderr
    assert "already a company 'default'" in cli.refused("companies", "add", "default").stderr
    assert "letters or digits" in cli.refused("companies", "add", "!!!").stderr
    assert "team id" in cli.refused("companies", "add", "Beta", "--team", "acme").stderr
    added = cli.ok("companies", "add", "Beta Ltd", "--team", "T0BETA")
    assert "beta-ltd" in added.stdout
    rows = {r["slug"]: r for r in cli.json("companies", "list", "--json")}
    assert rows["beta-ltd"]["team_id"] == "T0BETA" and rows["beta-ltd"]["currency"] == "USD"
