"""What the connected company is like: CompanyInfo and Preferences read into plain values,
and kept in `qbo_company_prefs`. Reading is pure; storing is one upsert."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from ledger.models import Company, utcnow
from qbo.journal import CurrencyTerms
from qbo.models import CompanyPrefs


@dataclass(frozen=True)
class CompanySettings:
    country: str | None
    use_account_numbers: bool
    track_quantity: bool
    multicurrency: bool
    home_currency: str | None
    warn_duplicate_journal: bool


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() == "true"


def _other_pref(prefs: Mapping[str, Any], name: str) -> Any:
    """OtherPrefs holds a NameValue list, not fields."""
    other = prefs.get("OtherPrefs") or {}
    for pair in other.get("NameValue") or []:
        if isinstance(pair, Mapping) and pair.get("Name") == name:
            return pair.get("Value")
    return None


def read_settings(
    company_info: Mapping[str, Any] | None, prefs: Mapping[str, Any] | None
) -> CompanySettings:
    """Absent sections read as QuickBooks' defaults for a new company (numbers off, no
    quantity tracking, one currency): guessing "on" could send what a company cannot take."""
    info = company_info or {}
    p = prefs or {}
    accounting = p.get("AccountingInfoPrefs") or {}
    products = p.get("ProductAndServicesPrefs") or {}
    currency = p.get("CurrencyPrefs") or {}
    home = currency.get("HomeCurrency") or {}
    country = info.get("Country")
    return CompanySettings(
        country=str(country)[:8] if country else None,
        use_account_numbers=_flag(accounting.get("UseAccountNumbers", False)),
        track_quantity=_flag(products.get("QuantityOnHand", False)),
        multicurrency=_flag(currency.get("MultiCurrencyEnabled", False)),
        home_currency=str(home.get("value"))[:3]
        if isinstance(home, Mapping) and home.get("value")
        else None,
        warn_duplicate_journal=_flag(_other_pref(p, "WarnDuplicateJournalNumber") or False),
    )


def save_settings(session: Session, company_id: int, settings: CompanySettings) -> CompanyPrefs:
    row = session.exec(select(CompanyPrefs).where(CompanyPrefs.company_id == company_id)).first()
    row = row or CompanyPrefs(company_id=company_id)
    row.country = settings.country
    row.use_account_numbers = settings.use_account_numbers
    row.track_quantity = settings.track_quantity
    row.multicurrency = settings.multicurrency
    row.home_currency = settings.home_currency
    row.warn_duplicate_journal = settings.warn_duplicate_journal
    row.read_at = utcnow()
    session.add(row)
    return row


def load_settings(session: Session, company_id: int) -> CompanySettings | None:
    row = session.exec(select(CompanyPrefs).where(CompanyPrefs.company_id == company_id)).first()
    if row is None:
        return None
    return CompanySettings(
        row.country,
        row.use_account_numbers,
        row.track_quantity,
        row.multicurrency,
        row.home_currency,
        row.warn_duplicate_journal,
    )


def currency_terms(
    session: Session, company_id: int, ledger_currency: str | None = None
) -> CurrencyTerms | None:
    """The ledger's currency (the configured one, else the company row's) against the
    QuickBooks company's; None until the company's settings were read."""
    prefs = load_settings(session, company_id)
    if prefs is None:
        return None
    company = session.get(Company, company_id)
    ledger = ledger_currency or (company.currency if company else None) or "USD"
    return CurrencyTerms(ledger, prefs.home_currency, prefs.multicurrency)
