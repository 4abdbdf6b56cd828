"""All settings in one place, read from the environment and an optional .env file, typed and
checked at start-up: a bad value stops `writeoff` with a message naming the variable, never
a failure weeks later in a month-end job.

ledger/ and qbo/ never read settings themselves: bot/ builds their inputs from these.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.services.calendar import BusinessCalendar, CalendarError, check_region
from ledger.db import DEFAULT_URL
from ledger.policy import Policy
from qbo.identity import DEFAULT_DOC_PREFIX, check_prefix

_USER_OR_GROUP = re.compile(r"^[UWS][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^[CGD][A-Z0-9]{2,}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# Comma-separated lists in the environment (WRITEOFF_APPROVERS=U1,S2); NoDecode keeps
# pydantic-settings from reading them as JSON first.
IdList = Annotated[list[str], NoDecode]
DateList = Annotated[list[date], NoDecode]


class SettingsError(ValueError):
    """A setting is missing or wrong; the message names the variable and what to write."""


def _split(value: object) -> object:
    if isinstance(value, str):
        return [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    database_url: str = Field(DEFAULT_URL, alias="DATABASE_URL")
    log_level: str | None = Field(None, alias="LOG_LEVEL")  # server INFO, CLI WARNING
    writeoff_materiality: Decimal = Field(Decimal("1000.00"), alias="WRITEOFF_MATERIALITY")
    writeoff_max_amount: Decimal = Field(Decimal("1000000.00"), alias="WRITEOFF_MAX_AMOUNT")
    writeoff_currency: str = Field("USD", alias="WRITEOFF_CURRENCY")
    anthropic_api_key: SecretStr | None = Field(None, alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str | None = Field(None, alias="ANTHROPIC_BASE_URL")
    writeoff_model: str = Field("claude-haiku-5-5", alias="WRITEOFF_MODEL")
    writeoff_claude_timeout: float = Field(8.0, alias="WRITEOFF_CLAUDE_TIMEOUT", gt=0)

    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    # Distribution (many workspaces): with the client id and secret set, each workspace is
    # served with the token its installation stored; `serve --http` serves the install flow.
    slack_client_id: str | None = Field(None, alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(None, alias="SLACK_CLIENT_SECRET")
    # The public URL of /slack/oauth_redirect, when Slack must be told it (several redirect
    # URLs in the app's settings); unset, Slack uses the only one configured.
    slack_redirect_uri: str | None = Field(None, alias="SLACK_REDIRECT_URI")
    writeoff_approvers: IdList = Field(default_factory=list, alias="WRITEOFF_APPROVERS")
    writeoff_channels: IdList = Field(default_factory=list, alias="WRITEOFF_CHANNELS")
    writeoff_approval_channel: str | None = Field(None, alias="WRITEOFF_APPROVAL_CHANNEL")
    writeoff_alert_channel: str | None = Field(None, alias="WRITEOFF_ALERT_CHANNEL")
    writeoff_allow_self_approval: bool = Field(False, alias="WRITEOFF_ALLOW_SELF_APPROVAL")
    # "0:S0CONTROLLERS;10000:U0CFO01,S0FINLEADS" (see approval_tiers)
    writeoff_approval_rules: str | None = Field(None, alias="WRITEOFF_APPROVAL_RULES")
    writeoff_dual_approval_from: Decimal | None = Field(None, alias="WRITEOFF_DUAL_APPROVAL_FROM")
    writeoff_report_viewers: IdList = Field(default_factory=list, alias="WRITEOFF_REPORT_VIEWERS")
    qbo_client_id: str | None = Field(None, alias="QBO_CLIENT_ID")
    qbo_client_secret: SecretStr | None = Field(None, alias="QBO_CLIENT_SECRET")
    qbo_redirect_uri: str = Field("http://localhost:3000/qbo/callback", alias="QBO_REDIRECT_URI")
    qbo_environment: str = Field("sandbox", alias="QBO_ENVIRONMENT")
    qbo_api_url: str | None = Field(None, alias="QBO_API_URL")
    qbo_auth_url: str | None = Field(None, alias="QBO_AUTH_URL")
    qbo_token_url: str | None = Field(None, alias="QBO_TOKEN_URL")
    qbo_revoke_url: str | None = Field(None, alias="QBO_REVOKE_URL")
    # Intuit's OpenID discovery document (the OAuth endpoints); default by environment.
    qbo_discovery_url: str | None = Field(None, alias="QBO_DISCOVERY_URL")
    writeoff_secret_key: SecretStr | None = Field(None, alias="WRITEOFF_SECRET_KEY")
    # DocNumbers in QuickBooks: prefix + entry number (WOB-JE-000001).
    writeoff_qbo_doc_prefix: str = Field(DEFAULT_DOC_PREFIX, alias="WRITEOFF_QBO_DOC_PREFIX")
    # Intuit's webhook verifier token: signs each delivery to POST /qbo/webhooks.
    qbo_webhook_verifier: SecretStr | None = Field(None, alias="QBO_WEBHOOK_VERIFIER")
    # How long an Approve's immediate push waits to gather the rest of a burst (<= 1 s).
    writeoff_qbo_gather_seconds: float = Field(0.5, alias="WRITEOFF_QBO_GATHER_SECONDS", ge=0, le=1)
    # Requests per second this deployment allows itself per QuickBooks company (the shared
    # budget in qbo/limits.py); Intuit's documented pace is 10.
    writeoff_qbo_per_second: int = Field(10, alias="WRITEOFF_QBO_PER_SECOND", ge=1, le=100)
    writeoff_sync_interval: int = Field(60, alias="WRITEOFF_SYNC_INTERVAL", ge=5)
    writeoff_timezone: str = Field("UTC", alias="WRITEOFF_TIMEZONE")
    writeoff_reminder_channels: IdList = Field(
        default_factory=list, alias="WRITEOFF_REMINDER_CHANNELS"
    )
    writeoff_holidays: DateList = Field(default_factory=list, alias="WRITEOFF_HOLIDAYS")
    writeoff_holiday_country: str | None = Field(None, alias="WRITEOFF_HOLIDAY_COUNTRY")
    writeoff_holiday_subdivision: str | None = Field(None, alias="WRITEOFF_HOLIDAY_SUBDIVISION")
    # A physical count: one adjusting entry (default) or one entry per variance; the one
    # entry has a line per SKU (default) or summary lines with the SKUs kept as its detail.
    writeoff_count_sheet_entries: Literal["one", "per-variance"] = Field(
        "one", alias="WRITEOFF_COUNT_SHEET_ENTRIES"
    )
    writeoff_count_sheet_lines: Literal["per-sku", "summary"] = Field(
        "per-sku", alias="WRITEOFF_COUNT_SHEET_LINES"
    )

    port: int = Field(3000, alias="PORT", ge=1, le=65535)
    host: str = Field("0.0.0.0", alias="HOST")  # a server listens on every interface

    @field_validator("writeoff_count_sheet_entries", "writeoff_count_sheet_lines", mode="before")
    @classmethod
    def _choice(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    # -- lists ---------------------------------------------------------------------------------

    @field_validator(
        "writeoff_approvers",
        "writeoff_report_viewers",
        "writeoff_channels",
        "writeoff_reminder_channels",
        mode="before",
    )
    @classmethod
    def _lists(cls, value: object) -> object:
        return _split(value)

    @field_validator("writeoff_approvers", "writeoff_report_viewers")
    @classmethod
    def _approver_ids(cls, value: list[str]) -> list[str]:
        _check_ids(value)
        return value

    @field_validator("writeoff_approval_rules")
    @classmethod
    def _rules(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parse_approval_rules(value)
        return value.strip()

    @field_validator("writeoff_channels", "writeoff_reminder_channels")
    @classmethod
    def _channel_ids(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not _CHANNEL.match(v)]
        if bad:
            raise ValueError(
                f"{', '.join(bad)}: not a Slack channel id (C…); it is under the channel "
                "name → About"
            )
        return value

    @field_validator("writeoff_holidays", mode="before")
    @classmethod
    def _dates(cls, value: object) -> object:
        value = _split(value)
        if isinstance(value, list):
            for part in value:
                if isinstance(part, str):
                    try:
                        date.fromisoformat(part)
                    except ValueError:
                        raise ValueError(f"'{part}' is not a date (YYYY-MM-DD)") from None
        return value

    # -- single values -------------------------------------------------------------------------

    @field_validator(
        "writeoff_materiality", "writeoff_max_amount", "writeoff_dual_approval_from", mode="before"
    )
    @classmethod
    def _exact(cls, value: object) -> object:
        # Money from the environment is read as text, never through float.
        if isinstance(value, float):
            raise ValueError("give amounts as text, e.g. 1000.00")
        return value

    @field_validator("writeoff_materiality", "writeoff_max_amount", "writeoff_dual_approval_from")
    @classmethod
    def _positive(cls, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        if not value.is_finite() or value <= 0:
            raise ValueError("must be a positive amount")
        return value.quantize(Decimal("0.01"))

    @field_validator("writeoff_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone '{value}' (e.g. America/Chicago)") from exc
        return value

    @field_validator("writeoff_qbo_doc_prefix")
    @classmethod
    def _doc_prefix(cls, value: str) -> str:
        return check_prefix(value.strip())

    @field_validator("qbo_environment")
    @classmethod
    def _environment(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in ("sandbox", "production"):
            raise ValueError("QBO_ENVIRONMENT is sandbox or production")
        return value

    @field_validator("writeoff_currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        value = value.strip().upper()
        if len(value) != 3 or not value.isalpha():
            raise ValueError("use a three-letter ISO currency code, e.g. USD")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().upper()
        if value not in LOG_LEVELS:
            raise ValueError(f"use one of {', '.join(LOG_LEVELS)}")
        return value

    @field_validator("writeoff_holiday_country", "writeoff_holiday_subdivision")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.strip().upper() or None if value else None

    @model_validator(mode="after")
    def _region(self) -> Settings:
        try:
            check_region(self.writeoff_holiday_country, self.writeoff_holiday_subdivision)
        except CalendarError as exc:
            raise ValueError(f"WRITEOFF_HOLIDAY_COUNTRY / _SUBDIVISION: {exc}") from None
        return self

    # -- derived -------------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.writeoff_timezone)

    @property
    def approvers(self) -> frozenset[str]:
        return frozenset(self.writeoff_approvers)

    @property
    def approval_tiers(self) -> list[tuple[Decimal, list[str]]]:
        """WRITEOFF_APPROVAL_RULES as (amount, ids) tiers, lowest first ([] when unset)."""
        return parse_approval_rules(self.writeoff_approval_rules or "")

    @property
    def report_viewers(self) -> frozenset[str]:
        return frozenset(self.writeoff_report_viewers)

    @property
    def watched_channels(self) -> frozenset[str]:
        return frozenset(self.writeoff_channels)

    @property
    def reminder_channels(self) -> list[str]:
        """Where month-end reminders go: the reminder channels, else the alert channel."""
        if self.writeoff_reminder_channels:
            return list(self.writeoff_reminder_channels)
        return [self.writeoff_alert_channel] if self.writeoff_alert_channel else []

    @cached_property
    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(
            self.writeoff_holiday_country,
            self.writeoff_holiday_subdivision,
            frozenset(self.writeoff_holidays),
        )

    @property
    def slack_oauth(self) -> bool:
        """Many workspaces: Slack's install flow is served and each workspace's token is
        the one its installation stored (SLACK_BOT_TOKEN's own workspace keeps that token)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    def missing_slack_settings(self, socket_mode: bool) -> list[str]:
        """Which Slack settings `writeoff serve` still needs, in the order to set them."""
        missing = []
        if self.slack_bot_token is None and not self.slack_oauth:
            missing.append("SLACK_BOT_TOKEN")
        if socket_mode:
            if self.slack_app_token is None:
                missing.append("SLACK_APP_TOKEN")
        elif self.slack_signing_secret is None:
            missing.append("SLACK_SIGNING_SECRET")
        if self.slack_oauth and self.writeoff_secret_key is None:
            missing.append("WRITEOFF_SECRET_KEY")  # installed workspaces' tokens are sealed
        return missing

    @cached_property
    def policy(self) -> Policy:
        return Policy(
            materiality=self.writeoff_materiality,
            max_amount=self.writeoff_max_amount,
            currency=self.writeoff_currency,
        )


def _check_ids(ids: list[str]) -> None:
    bad = [v for v in ids if not _USER_OR_GROUP.match(v)]
    if bad:
        raise ValueError(
            f"{', '.join(bad)}: not a Slack user id (U…) or user group id (S…); copy it "
            "from the person's profile → ⋮ → Copy member ID"
        )


def parse_approval_rules(text: str) -> list[tuple[Decimal, list[str]]]:
    """ "0:S0CONTROLLERS;10000:U0CFO01,S0FINLEADS" -> [(0, [S0CONTROLLERS]), (10000, [...])].
    Each tier is AMOUNT:ID[,ID…]; tiers are separated by ';'; amounts are distinct."""
    tiers: list[tuple[Decimal, list[str]]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        amount_text, sep, ids_text = part.partition(":")
        if not sep:
            raise ValueError(f"'{part}' is not AMOUNT:ID[,ID…], e.g. 10000:U0CFO01,S0FINLEADS")
        try:
            amount = Decimal(amount_text.strip().replace(",", "").lstrip("$"))
        except ArithmeticError:
            raise ValueError(f"'{amount_text.strip()}' is not an amount (e.g. 10000)") from None
        if not amount.is_finite() or amount < 0:
            raise ValueError(f"'{amount_text.strip()}' is not an amount of zero or more")
        ids = [i.strip() for i in ids_text.split(",") if i.strip()]
        if not ids:
            raise ValueError(f"the tier from {amount_text.strip()} names nobody")
        _check_ids(ids)
        tiers.append((amount.quantize(Decimal("0.01")), ids))
    amounts = [a for a, _ in tiers]
    if len(set(amounts)) != len(amounts):
        raise ValueError("two tiers start at the same amount")
    return sorted(tiers, key=lambda t: t[0])


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment (and .env), or a SettingsError that names each bad
    variable and what is wrong with it, in words a person setting up the bot can act on."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = err["loc"][0] if err["loc"] else "settings"
            name = _alias(str(where))
            message = str(err["msg"]).removeprefix("Value error, ")
            problems.append(f"{name}: {message}")
        raise SettingsError("; ".join(problems)) from None


def _alias(field_name: str) -> str:
    info = Settings.model_fields.get(field_name)
    return (info.alias if info and info.alias else field_name).upper()
