"""Slack installations, for one deployment serving many workspaces (distribution).

slack_sdk's SQLAlchemy installation and OAuth state stores keep their rows in the app's own
database. Their tables are created by our migration (0015), never by the stores'
`create_tables` at run time: the tables are declared here on the books' metadata only so
that the models-match-migrations test (and autogenerate) sees them.

Forgetting a workspace removes its tokens from every table that holds one: slack_sdk's own
`tokens_revoked` handling deletes the bot row only and keeps serving the installation's
token; here a revoked or uninstalled workspace is refused from then on. The books stay.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

log = logging.getLogger("bot.installations")

BOTS_TABLE = SQLAlchemyInstallationStore.default_bots_table_name
INSTALLATIONS_TABLE = SQLAlchemyInstallationStore.default_installations_table_name
STATES_TABLE = SQLAlchemyOAuthStateStore.default_table_name
STATE_SECONDS = 600  # how long an install link stays good (Bolt's default)


def _declare(metadata: sa.MetaData) -> None:
    if BOTS_TABLE not in metadata.tables:
        SQLAlchemyInstallationStore.build_bots_table(metadata, BOTS_TABLE)
        SQLAlchemyInstallationStore.build_installations_table(metadata, INSTALLATIONS_TABLE)
        SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, STATES_TABLE)


_declare(SQLModel.metadata)


@dataclass(frozen=True)
class Forgotten:
    """What forgetting a workspace removed (row counts; never the tokens themselves)."""

    bots: int
    installations: int


class Installations:
    """The stores Bolt's OAuth flow and authorize use, and the forgetting they lack."""

    def __init__(self, engine: Engine, client_id: str) -> None:
        self.engine = engine
        self.client_id = client_id
        self.store = SQLAlchemyInstallationStore(client_id=client_id, engine=engine)
        self.states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine)

    def __deepcopy__(self, memo: dict[int, Any]) -> Installations:
        # Bolt copies the request context for lazy listeners: a shared store, the same one.
        return self

    def _team(
        self, table: sa.Table, enterprise_id: str | None, team_id: str | None
    ) -> sa.ColumnElement[bool]:
        c = table.c
        # An org-wide install has no team; a workspace install may sit in an enterprise.
        team = c.team_id.is_(None) if team_id is None else c.team_id == team_id
        if enterprise_id is None:
            return team
        return sa.and_(team, c.enterprise_id == enterprise_id)

    def forget_workspace(self, enterprise_id: str | None, team_id: str | None) -> Forgotten:
        """The app was uninstalled (or its bot token revoked): delete every stored token of
        that workspace, bot and user, every installation row of it, for any client id."""
        bots, installs = self.store.bots, self.store.installations
        with self.engine.begin() as conn:
            b = conn.execute(bots.delete().where(self._team(bots, enterprise_id, team_id)))
            i = conn.execute(installs.delete().where(self._team(installs, enterprise_id, team_id)))
        gone = Forgotten(b.rowcount or 0, i.rowcount or 0)
        log.info(
            "workspace %s forgotten: %s bot rows, %s installation rows deleted",
            team_id or enterprise_id,
            gone.bots,
            gone.installations,
        )
        return gone

    def forget_users(
        self, enterprise_id: str | None, team_id: str | None, user_ids: Iterable[str]
    ) -> int:
        """Some people's user tokens were revoked: clear those tokens (the bot's stay)."""
        users = list(user_ids)
        if not users:
            return 0
        installs = self.store.installations
        c = installs.c
        with self.engine.begin() as conn:
            done = conn.execute(
                installs.update()
                .where(self._team(installs, enterprise_id, team_id), c.user_id.in_(users))
                .values(
                    user_token=None,
                    user_refresh_token=None,
                    user_token_expires_at=None,
                    user_scopes=None,
                )
            )
        log.info("user tokens of %s people in %s cleared", len(users), team_id)
        return done.rowcount or 0

    def token_rows(self, team_id: str) -> int:
        """How many stored rows still hold a token of this workspace (for checks and tests)."""
        bots, installs = self.store.bots, self.store.installations
        with self.engine.connect() as conn:
            n = conn.execute(
                sa.select(sa.func.count())
                .select_from(bots)
                .where(bots.c.team_id == team_id, bots.c.bot_token.is_not(None))
            ).scalar_one()
            m = conn.execute(
                sa.select(sa.func.count())
                .select_from(installs)
                .where(
                    installs.c.team_id == team_id,
                    sa.or_(installs.c.bot_token.is_not(None), installs.c.user_token.is_not(None)),
                )
            ).scalar_one()
        return int(n) + int(m)
