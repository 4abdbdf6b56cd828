"""The installation stores on the app's own database (SQLite and PostgreSQL): tokens sealed
at rest, a workspace forgotten entirely, another workspace untouched."""

from __future__ import annotations

import sqlalchemy as sa
from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy.engine import Engine

from bot.services.installations import Installations
from qbo.crypto import TokenCipher

KEY = Fernet.generate_key().decode()


def installation(
    team: str, user: str = "U0INSTALLER", user_token: str | None = None
) -> Installation:
    return Installation(
        app_id="A0APP",
        team_id=team,
        team_name=f"Team {team}",
        bot_token=f"xoxb-{team}-secret",
        bot_id=f"B{team}",
        bot_user_id=f"U{team}",
        bot_scopes="commands,chat:write",
        bot_refresh_token=f"xoxe-1-{team}-" + "r" * 140,  # rotation on: long, sealed longer
        bot_token_expires_in=43200,
        user_id=user,
        user_token=user_token,
    )


def stored_text(engine: Engine) -> str:
    with engine.connect() as conn:
        rows = list(conn.execute(sa.text("SELECT * FROM slack_bots")))
        rows += list(conn.execute(sa.text("SELECT * FROM slack_installations")))
    return repr(rows)


def test_tokens_are_sealed_and_opened_and_forgetting_takes_them_all(engine: Engine) -> None:
    installs = Installations(engine, "111.222", TokenCipher(KEY))
    installs.store.save(installation("T0A", user_token="xoxp-T0A-user"))
    installs.store.save(installation("T0B"))
    raw = stored_text(engine)
    assert "xoxb-" not in raw and "xoxp-" not in raw and "xoxe-" not in raw

    bot = installs.store.find_bot(enterprise_id=None, team_id="T0A")
    assert bot is not None and bot.bot_token == "xoxb-T0A-secret"
    assert bot.bot_refresh_token == "xoxe-1-T0A-" + "r" * 140
    found = installs.store.find_installation(enterprise_id=None, team_id="T0A")
    assert found is not None and found.user_token == "xoxp-T0A-user"

    assert installs.forget_users(None, "T0A", ["U0INSTALLER"]) == 1
    found = installs.store.find_installation(enterprise_id=None, team_id="T0A")
    assert found is not None and found.user_token is None and found.bot_token is not None

    gone = installs.forget_workspace(None, "T0A")
    assert (gone.bots, gone.installations) == (1, 1)
    assert installs.token_rows("T0A") == 0
    assert installs.store.find_bot(enterprise_id=None, team_id="T0A") is None
    assert installs.store.find_installation(enterprise_id=None, team_id="T0A") is None
    other = installs.store.find_bot(enterprise_id=None, team_id="T0B")
    assert other is not None and other.bot_token == "xoxb-T0B-secret"


def test_a_new_key_reseals_every_token(engine: Engine) -> None:
    Installations(engine, "111.222", TokenCipher(KEY)).store.save(installation("T0A"))
    new = Fernet.generate_key().decode()
    rotated = Installations(engine, "111.222", TokenCipher([new, KEY]))
    assert rotated.rotate_keys() == 2  # the bot row and the installation row
    assert rotated.rotate_keys() == 0
    only_new = Installations(engine, "111.222", TokenCipher(new))
    bot = only_new.store.find_bot(enterprise_id=None, team_id="T0A")
    assert bot is not None and bot.bot_token == "xoxb-T0A-secret"
