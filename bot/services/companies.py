"""Companies: one deployment keeps the books of several client entities.

A company owns its chart, items, numbering, period locks, audit chain and QuickBooks
connection (all keyed by company_id in the ledger), and its company-level settings: policy,
approvers, channels, time zone and holidays. Those are stored per company as the text their
environment variable would hold (`company_setting`), validated by the same rules as
bot/settings.py. The environment configures the FIRST company (so a one-company install
keeps working unchanged); any other company starts from the defaults plus its own rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.settings import Settings
from ledger.audit import record
from ledger.chart import DEFAULT_CHART, import_chart
from ledger.db import make_engine, session_scope, upgrade
from ledger.models import ChannelLink, Company, CompanySetting, utcnow

# KEY (the environment name without WRITEOFF_, lower case) -> the Settings field.
COMPANY_KEYS: dict[str, str] = {
    k: f"writeoff_{k}"
    for k in (
        "materiality",
        "max_amount",
        "currency",
        "approvers",
        "approval_rules",
        "dual_approval_from",
        "report_viewers",
        "channels",
        "approval_channel",
        "alert_channel",
        "reminder_channels",
        "timezone",
        "holidays",
        "holiday_country",
        "holiday_subdivision",
        "allow_self_approval",
    )
}
# Stored on the company row itself (the ledger numbers entries with it).
NUMBER_PREFIX = "number_prefix"
_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,7}$")
_CHANNEL = re.compile(r"^[CG][A-Z0-9]{2,}$")
_TEAM = re.compile(r"^[TE][A-Z0-9]{2,}$")


class CompanyError(ValueError):
    """A company request that cannot be done; the message says what to do instead."""


@dataclass(frozen=True)
class CompanyInfo:
    id: int
    slug: str
    name: str
    team_id: str | None
    number_prefix: str
    channels: list[str]


# -- finding companies ---------------------------------------------------------------------


def list_companies(session: Session) -> list[Company]:
    return list(session.exec(select(Company).order_by(col(Company.id))))


def first_company_id(session: Session) -> int | None:
    first = session.exec(select(Company).order_by(col(Company.id)).limit(1)).first()
    return first.id if first else None


def find_company(session: Session, name: str) -> Company:
    """A company by its slug or its name (either case), or an error listing the names."""
    wanted = name.strip().lower()
    companies = list_companies(session)
    for c in companies:
        if wanted in (c.slug.lower(), c.name.lower()):
            return c
    raise CompanyError(f"no company '{name}'; the companies are: {_names(companies)}")


def choose_company(session: Session, name: str | None) -> Company:
    """The named company; without a name the only one, else an error listing them."""
    if name:
        return find_company(session, name)
    companies = list_companies(session)
    if not companies:
        raise CompanyError("no company: run `writeoff db upgrade` first")
    if len(companies) > 1:
        raise CompanyError(
            f"there are {len(companies)} companies; say which with --company NAME "
            f"({_names(companies)})"
        )
    return companies[0]


def _names(companies: list[Company]) -> str:
    return ", ".join(c.slug for c in companies) or "none"


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
    return slug[:64]


def info(session: Session, company: Company) -> CompanyInfo:
    return CompanyInfo(
        company.id or 0,
        company.slug,
        company.name,
        company.team_id,
        company.number_prefix,
        linked_channels(session, company.id or 0),
    )


# -- adding --------------------------------------------------------------------------------


def add_company(
    session: Session,
    name: str,
    actor: str,
    *,
    currency: str | None = None,
    team_id: str | None = None,
) -> Company:
    """A new company with the default chart, its own numbering and audit chain."""
    name = name.strip()
    slug = slugify(name)
    if not slug:
        raise CompanyError("give the company a name with letters or digits")
    for c in list_companies(session):
        if slug == c.slug or name.lower() == c.name.lower():
            raise CompanyError(f"there is already a company '{c.slug}'")
    if team_id is not None and not _TEAM.match(team_id):
        raise CompanyError(f"{team_id}: not a Slack team id (T…)")
    cur = check_value("currency", currency) if currency else "USD"
    company = Company(slug=slug, name=name, currency=cur, team_id=team_id)
    session.add(company)
    session.flush()
    cid = company.id or 0
    import_chart(session, cid, list(DEFAULT_CHART))
    record(session, cid, "company_created", actor, details={"name": name, "team_id": team_id})
    if currency:
        set_setting(session, company, "currency", cur, actor)
    return company


# -- settings ------------------------------------------------------------------------------


def _setting_error(exc: ValidationError, key: str) -> CompanyError:
    problems = [str(e["msg"]).removeprefix("Value error, ") for e in exc.errors()]
    return CompanyError(f"{key}: {'; '.join(problems)}")


def check_value(key: str, value: str) -> str:
    """The value as it will be stored, or a CompanyError saying what is wrong with it."""
    key = key.strip().lower()
    if key == NUMBER_PREFIX:
        if not _PREFIX.match(value):
            raise CompanyError(
                "number_prefix: up to 8 letters, digits or '-', e.g. ACME- (entry numbers "
                "and QuickBooks DocNumbers start with it)"
            )
        return value
    field = COMPANY_KEYS.get(key)
    if field is None:
        raise CompanyError(
            f"unknown setting '{key}'; the company settings are: "
            f"{', '.join([*COMPANY_KEYS, NUMBER_PREFIX])}"
        )
    alias = Settings.model_fields[field].alias or field
    try:
        checked = Settings.model_validate({alias: value})
    except ValidationError as exc:
        raise _setting_error(exc, key) from None
    return _as_text(getattr(checked, field))


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def set_setting(session: Session, company: Company, key: str, value: str, actor: str) -> str:
    """Store one setting (audited); an empty value removes it (back to the default, or to
    the environment for the first company). Returns the value stored."""
    key = key.strip().lower()
    cid = company.id or 0
    if key == NUMBER_PREFIX:
        stored = check_value(key, value.strip())
        before = company.number_prefix
        company.number_prefix = stored
        session.add(company)
        record(
            session,
            cid,
            "setting_changed",
            actor,
            details={"key": key, "from": before, "to": stored},
        )
        return stored
    row = session.get(CompanySetting, (cid, key))
    if not value.strip():
        if key not in COMPANY_KEYS:
            check_value(key, "")  # the unknown-setting error
        if row is not None:
            session.delete(row)
        record(session, cid, "setting_changed", actor, details={"key": key, "to": None})
        return ""
    stored = check_value(key, value)
    if row is None:
        row = CompanySetting(company_id=cid, key=key, value=stored, updated_by=actor)
    row.value, row.updated_by, row.updated_at = stored, actor, utcnow()
    session.add(row)
    if key == "currency":
        company.currency = stored
        session.add(company)
    record(session, cid, "setting_changed", actor, details={"key": key, "to": stored})
    return stored


def stored_settings(session: Session, company_id: int) -> dict[str, str]:
    rows = session.exec(select(CompanySetting).where(col(CompanySetting.company_id) == company_id))
    return {r.key: r.value for r in rows}


def company_settings(base: Settings, session: Session, company: Company) -> Settings:
    """`base` (the deployment's settings) with this company's company-level settings: the
    first company's from the environment, any other's from the defaults, then its rows."""
    data = base.model_dump(by_alias=True)
    if company.id != first_company_id(session):
        for field in COMPANY_KEYS.values():
            info_ = Settings.model_fields[field]
            data[info_.alias or field] = info_.get_default(call_default_factory=True)
        data[Settings.model_fields["writeoff_currency"].alias or ""] = company.currency
    for key, value in stored_settings(session, company.id or 0).items():
        name = COMPANY_KEYS.get(key)
        if name is not None:
            data[Settings.model_fields[name].alias or name] = value
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:  # a row written before a rule tightened
        raise CompanyError(f"company '{company.slug}': {_setting_error(exc, 'settings')}") from None


def effective(settings: Settings) -> dict[str, str]:
    """Every company-level setting as text, for `writeoff companies show`."""
    return {k: _as_text(getattr(settings, f)) for k, f in COMPANY_KEYS.items()}


# -- channels ------------------------------------------------------------------------------


def linked_channels(session: Session, company_id: int) -> list[str]:
    rows = session.exec(
        select(ChannelLink)
        .where(col(ChannelLink.company_id) == company_id)
        .order_by(col(ChannelLink.channel_id))
    )
    return [r.channel_id for r in rows]


def channel_company(session: Session, channel: str) -> int | None:
    link = session.get(ChannelLink, channel)
    return link.company_id if link else None


def link_channel(session: Session, company: Company, channel: str, actor: str) -> bool:
    """Link a channel to the company (audited). False when it already was; a channel that
    belongs to another company is refused (a channel's entries are one company's)."""
    channel = channel.strip().lstrip("#")
    if not _CHANNEL.match(channel):
        raise CompanyError(
            f"{channel}: not a Slack channel id (C…); it is under the channel name → About"
        )
    link = session.get(ChannelLink, channel)
    if link is not None:
        if link.company_id == company.id:
            return False
        other = session.get(Company, link.company_id)
        raise CompanyError(
            f"{channel} belongs to company '{other.slug if other else link.company_id}'; "
            "a channel keeps one company's books"
        )
    session.add(ChannelLink(channel_id=channel, company_id=company.id or 0, linked_by=actor))
    record(session, company.id or 0, "channel_linked", actor, details={"channel": channel})
    return True


# -- the directory: what the command line and Slack ask, each in its own transaction --------


class Directory:
    """The deployment's companies over one engine (the command line's `writeoff companies`)."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)

    def upgrade(self) -> None:
        upgrade(self.engine)

    def overview(self) -> list[dict[str, Any]]:
        with session_scope(self.engine) as s:
            return [_summary(s, c) for c in list_companies(s)]

    def show(self, name: str) -> dict[str, Any]:
        with session_scope(self.engine) as s:
            company = find_company(s, name)
            own = company_settings(self.settings, s, company)
            stored = stored_settings(s, company.id or 0)
            return {
                **_summary(s, company),
                "settings": effective(own),
                "stored": sorted(stored),  # which ones the company set itself
            }

    def add(
        self, name: str, actor: str, currency: str | None = None, team_id: str | None = None
    ) -> dict[str, Any]:
        with session_scope(self.engine) as s:
            company = add_company(s, name, actor, currency=currency, team_id=team_id)
            return _summary(s, company)

    def set(self, name: str, key: str, value: str, actor: str) -> str:
        with session_scope(self.engine) as s:
            company = find_company(s, name)
            stored = set_setting(s, company, key, value, actor)
            company_settings(self.settings, s, company)  # the whole still makes sense
            return stored

    def link(self, name: str, channels: list[str], actor: str) -> list[tuple[str, bool]]:
        with session_scope(self.engine) as s:
            company = find_company(s, name)
            return [(c, link_channel(s, company, c, actor)) for c in channels]


def _summary(session: Session, company: Company) -> dict[str, Any]:
    cid = company.id or 0
    return {
        "id": cid,
        "slug": company.slug,
        "name": company.name,
        "currency": company_settings_currency(session, company),
        "team_id": company.team_id,
        "number_prefix": company.number_prefix,
        "first": cid == first_company_id(session),
        "channels": linked_channels(session, cid),
    }


def company_settings_currency(session: Session, company: Company) -> str:
    stored = stored_settings(session, company.id or 0).get("currency")
    return stored or company.currency


def claim_channel(engine: Engine, company_id: int, channel: str, actor: str) -> bool:
    """Slack's picker: link `channel` to the company (audited in its chain)."""
    with session_scope(engine) as s:
        company = s.get(Company, company_id)
        if company is None:
            raise CompanyError(f"no company #{company_id}")
        return link_channel(s, company, channel, actor)


def company_label(session: Session, company_id: int) -> str | None:
    """The company's name for cards, alerts and reports: None while there is only one
    (a one-company install looks as it always did)."""
    key = "tx:companies"  # one count per transaction (a batch of cards reads it once)
    count = session.info.get(key)
    if count is None:
        count = session.info[key] = len(session.exec(select(Company.id)).all())
    company = session.get(Company, company_id)
    return shown_company(company.name if company else None, count)


def shown_company(name: str | None, companies: int) -> str | None:
    """The one rule: a company is named only when the deployment keeps more than one."""
    return name if companies > 1 else None
