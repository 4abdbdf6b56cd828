"""Slack installations, for one deployment serving many workspaces (distribution).

slack_sdk's SQLAlchemy installation and OAuth state stores keep their rows in the app's own
database. Their tables are created by our migration (0015), never by the stores'
`create_tables` at run time: the tables are declared here on the books' metadata only so
that the models-match-migrations test (and autogenerate) sees them.

Tokens are stored encrypted (WRITEOFF_SECRET_KEY, as QuickBooks' are): the store seals them
on the way in and opens them on the way out; a database dump holds no usable Slack token.

Forgetting a workspace removes its tokens from every table that holds one: slack_sdk's own
`tokens_revoked` handling deletes the bot row only and keeps serving the installation's
token; here a revoked or uninstalled workspace is refused from then on. The books stay.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from bot.settings import Settings
from qbo.crypto import TokenCipher

log = logging.getLogger("bot.installations")

BOTS_TABLE = SQLAlchemyInstallationStore.default_bots_table_name
INSTALLATIONS_TABLE = SQLAlchemyInstallationStore.default_installations_table_name
STATES_TABLE = SQLAlchemyOAuthStateStore.default_table_name
# slack_sdk's stores read and write these themselves (naive UTC datetimes, its own types).
SLACK_TABLES = (BOTS_TABLE, INSTALLATIONS_TABLE, STATES_TABLE)
STATE_SECONDS = 600  # how long an install link stays good (Bolt's default)
BOT_TOKENS = ("bot_token", "bot_refresh_token")
USER_TOKENS = ("user_token", "user_refresh_token")
# Sealed, a token is longer than slack_sdk's 200 characters allow for: our migration
# makes these columns wider (the store itself never checks lengths).
SEALED_LENGTH = 500
_SEALED = "gAAAAA"  # how every Fernet token starts; a Slack token starts with "xox"


def _declare(metadata: sa.MetaData) -> None:
    if BOTS_TABLE not in metadata.tables:
        bots = SQLAlchemyInstallationStore.build_bots_table(metadata, BOTS_TABLE)
        installs = SQLAlchemyInstallationStore.build_installations_table(
            metadata, INSTALLATIONS_TABLE
        )
        SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, STATES_TABLE)
        for table, names in ((bots, BOT_TOKENS), (installs, BOT_TOKENS + USER_TOKENS)):
            for name in names:
                table.c[name].type = sa.String(SEALED_LENGTH)


_declare(SQLModel.metadata)


@dataclass(frozen=True)
class Forgotten:
    """What forgetting a workspace removed (row counts; never the tokens themselves)."""

    bots: int
    installations: int


class SealedInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's store, with every token encrypted at rest."""

    def __init__(self, client_id: str, engine: Engine, cipher: TokenCipher) -> None:
        super().__init__(client_id=client_id, engine=engine)
        self.cipher = cipher

    def _seal(self, value: str | None) -> str | None:
        if value is None or value.startswith(_SEALED):  # save() hands save_bot sealed ones
            return value
        return self.cipher.encrypt(value)

    def _open(self, value: str | None) -> str | None:
        if value is None or not value.startswith(_SEALED):
            return value
        return self.cipher.decrypt(value)

    def _with(self, obj: Any, names: tuple[str, ...], how: Any) -> Any:
        done = copy.copy(obj)
        for name in names:
            setattr(done, name, how(getattr(obj, name, None)))
        return done

    def save(self, installation: Installation) -> None:
        super().save(self._with(installation, BOT_TOKENS + USER_TOKENS, self._seal))

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(self._with(bot, BOT_TOKENS, self._seal))

    def find_bot(self, **kwargs: Any) -> Bot | None:
        found = super().find_bot(**kwargs)
        return None if found is None else self._with(found, BOT_TOKENS, self._open)

    def find_installation(self, **kwargs: Any) -> Installation | None:
        found = super().find_installation(**kwargs)
        if found is None:
            return None
        return self._with(found, BOT_TOKENS + USER_TOKENS, self._open)


class Installations:
    """The stores Bolt's OAuth flow and authorize use, and the forgetting they lack."""

    def __init__(self, engine: Engine, client_id: str, cipher: TokenCipher) -> None:
        self.engine = engine
        self.client_id = client_id
        self.cipher = cipher
        self.store = SealedInstallationStore(client_id, engine, cipher)
        self.states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine)
        # Told when a workspace is forgotten (the Slack layer stops serving one it holds a
        # token for outside these tables: SLACK_BOT_TOKEN's).
        self.on_forget: list[Callable[[str | None], None]] = []

    @classmethod
    def open(cls, engine: Engine, settings: Settings) -> Installations:
        """The stores for SLACK_CLIENT_ID, sealing with WRITEOFF_SECRET_KEY; tokens an older
        key sealed are re-encrypted under the newest at once."""
        if not settings.slack_client_id or settings.writeoff_secret_key is None:
            raise ValueError(
                "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set (several workspaces): each "
                "workspace's token is stored encrypted, so set WRITEOFF_SECRET_KEY first "
                "(README: Distribute to several workspaces)"
            )
        cipher = TokenCipher(settings.writeoff_secret_key.get_secret_value())
        found = cls(engine, settings.slack_client_id, cipher)
        if cipher.key_count > 1:
            found.rotate_keys()
        return found

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
        for tell in self.on_forget:
            tell(team_id)
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

    def rotate_keys(self) -> int:
        """Re-encrypt under the newest WRITEOFF_SECRET_KEY every token an older key sealed
        (run at start while the setting lists NEW,OLD: then OLD can be dropped)."""
        changed = 0
        tables = (
            (self.store.bots, BOT_TOKENS),
            (self.store.installations, BOT_TOKENS + USER_TOKENS),
        )
        with self.engine.begin() as conn:
            for table, names in tables:
                for row in conn.execute(sa.select(table.c.id, *(table.c[n] for n in names))):
                    values = {
                        n: self.cipher.rotate(row._mapping[n])
                        for n in names
                        if row._mapping[n] and not self.cipher.is_current(row._mapping[n])
                    }
                    if values:
                        conn.execute(table.update().where(table.c.id == row.id).values(**values))
                        changed += 1
        if changed:
            log.info("%s stored Slack installation rows re-encrypted under the newest key", changed)
        return changed

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
