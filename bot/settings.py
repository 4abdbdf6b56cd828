"""All settings in one place, read from the environment and an optional .env file.

ledger/ and qbo/ never read settings themselves: bot/ builds their inputs from these.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ledger.db import DEFAULT_URL
from ledger.policy import Policy


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    database_url: str = Field(DEFAULT_URL, alias="DATABASE_URL")
    writeoff_materiality: Decimal = Field(Decimal("1000.00"), alias="WRITEOFF_MATERIALITY")
    writeoff_max_amount: Decimal = Field(Decimal("1000000.00"), alias="WRITEOFF_MAX_AMOUNT")
    writeoff_currency: str = Field("USD", alias="WRITEOFF_CURRENCY")
    anthropic_api_key: SecretStr | None = Field(None, alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str | None = Field(None, alias="ANTHROPIC_BASE_URL")
    writeoff_model: str = Field("claude-haiku-5-5", alias="WRITEOFF_MODEL")
    writeoff_claude_timeout: float = Field(8.0, alias="WRITEOFF_CLAUDE_TIMEOUT")

    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    writeoff_approvers: str = Field("", alias="WRITEOFF_APPROVERS")
    writeoff_channels: str = Field("", alias="WRITEOFF_CHANNELS")
    writeoff_approval_channel: str | None = Field(None, alias="WRITEOFF_APPROVAL_CHANNEL")
    writeoff_alert_channel: str | None = Field(None, alias="WRITEOFF_ALERT_CHANNEL")
    writeoff_allow_self_approval: bool = Field(False, alias="WRITEOFF_ALLOW_SELF_APPROVAL")
    qbo_client_id: str | None = Field(None, alias="QBO_CLIENT_ID")
    qbo_client_secret: SecretStr | None = Field(None, alias="QBO_CLIENT_SECRET")
    qbo_redirect_uri: str = Field("http://localhost:3000/qbo/callback", alias="QBO_REDIRECT_URI")
    qbo_environment: str = Field("sandbox", alias="QBO_ENVIRONMENT")
    qbo_api_url: str | None = Field(None, alias="QBO_API_URL")
    qbo_auth_url: str | None = Field(None, alias="QBO_AUTH_URL")
    qbo_token_url: str | None = Field(None, alias="QBO_TOKEN_URL")
    qbo_revoke_url: str | None = Field(None, alias="QBO_REVOKE_URL")
    writeoff_secret_key: SecretStr | None = Field(None, alias="WRITEOFF_SECRET_KEY")
    writeoff_sync_interval: int = Field(60, alias="WRITEOFF_SYNC_INTERVAL", ge=5)
    writeoff_timezone: str = Field("UTC", alias="WRITEOFF_TIMEZONE")
    writeoff_reminder_channels: str = Field("", alias="WRITEOFF_REMINDER_CHANNELS")
    writeoff_holidays: str = Field("", alias="WRITEOFF_HOLIDAYS")

    port: int = Field(3000, alias="PORT")
    host: str = Field("0.0.0.0", alias="HOST")  # a server listens on every interface

    @field_validator("writeoff_materiality", "writeoff_max_amount", mode="before")
    @classmethod
    def _exact(cls, value: object) -> object:
        # Money from the environment is read as text, never through float.
        if isinstance(value, float):
            raise ValueError("give amounts as text, e.g. 1000.00")
        return value

    @field_validator("writeoff_materiality", "writeoff_max_amount")
    @classmethod
    def _positive(cls, value: Decimal) -> Decimal:
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

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.writeoff_timezone)

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

    @property
    def approvers(self) -> frozenset[str]:
        return _id_list(self.writeoff_approvers)

    @property
    def watched_channels(self) -> frozenset[str]:
        return _id_list(self.writeoff_channels)

    def missing_slack_settings(self, socket_mode: bool) -> list[str]:
        """Which Slack settings `writeoff serve` still needs, in the order to set them."""
        missing = []
        if self.slack_bot_token is None:
            missing.append("SLACK_BOT_TOKEN")
        if socket_mode:
            if self.slack_app_token is None:
                missing.append("SLACK_APP_TOKEN")
        elif self.slack_signing_secret is None:
            missing.append("SLACK_SIGNING_SECRET")
        return missing

    @cached_property
    def policy(self) -> Policy:
        return Policy(
            materiality=self.writeoff_materiality,
            max_amount=self.writeoff_max_amount,
            currency=self.writeoff_currency,
        )


def _id_list(raw: str) -> frozenset[str]:
    return frozenset(part.strip() for part in raw.replace(";", ",").split(",") if part.strip())
