"""Typed QuickBooks Online errors, parsed from whatever QuickBooks really answers.

QuickBooks reports faults in several shapes: `{"Fault": {"Error": [...], "type": ...}}` JSON,
lower-case `{"fault": {"error": [...]}}` on 401/403, XML `<IntuitResponse><Fault>` even when
JSON was asked for (throttling arrives that way), HTML gateway pages and empty bodies.
`error_from_response` turns any of them into one of the classes below, so callers decide on
`retryable` / `outcome_unknown` and show `plain_words()` to people. Pure: no I/O.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

_MAX_PARSE = 64_000  # a fault is small; never parse megabytes of gateway HTML
_ERROR_CODE = re.compile(r"errorCode=0*(\d+)")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


class QboError(Exception):
    """Anything QuickBooks (or the way to it) refused. See the module docstring."""

    default_retryable = False
    default_outcome_unknown = False

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        detail: str | None = None,
        fault_type: str | None = None,
        element: str | None = None,
        retryable: bool | None = None,
        outcome_unknown: bool | None = None,
        errors: tuple[Mapping[str, Any], ...] = (),
        tid: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.detail = detail
        self.fault_type = fault_type
        self.element = element
        self.retryable = self.default_retryable if retryable is None else retryable
        self.outcome_unknown = (
            self.default_outcome_unknown if outcome_unknown is None else outcome_unknown
        )
        self.errors = errors  # every Error of the Fault (the first is the one above)
        self.tid = tid  # intuit_tid response header: what Intuit support asks for

    def __str__(self) -> str:
        head = "QuickBooks"
        if self.status is not None:
            head += f" HTTP {self.status}"
        if self.code:
            head += f" code {self.code}"
        text = f"{head}: {self.message}"
        if self.detail and self.detail != self.message:
            text += f" ({self.detail})"
        return text

    def plain_words(self) -> str:
        """A short explanation for people: what went wrong and what to do."""
        words = _PLAIN_BY_CODE.get(self.code or "")
        if words:
            return words
        return self._plain_default()

    def _plain_default(self) -> str:
        what = self.detail or self.message
        return f"QuickBooks refused the request: {what}" + (
            f" (code {self.code})" if self.code else ""
        )


class QboAuthError(QboError):
    """401 / 3200 / AuthenticationFault: the access token (or app credentials) refused."""

    def _plain_default(self) -> str:
        return (
            "QuickBooks refused the sign-in (token expired or revoked): if it keeps happening, "
            "reconnect with `writeoff qbo connect-url`"
        )


class InvalidGrant(QboAuthError):
    """The refresh token (or authorization code) was refused: revoked, expired or reused."""

    def _plain_default(self) -> str:
        return (
            "QuickBooks no longer accepts this connection (revoked or expired): "
            "reconnect with `writeoff qbo connect-url`"
        )


class QboAuthorizationError(QboError):
    """403 / 3100 / AuthorizationFault: wrong scope, wrong company or wrong environment."""

    def _plain_default(self) -> str:
        return (
            "QuickBooks refused access (wrong permissions, company or sandbox/production "
            "environment): check the settings and reconnect with `writeoff qbo connect-url`"
        )


class QboThrottled(QboError):
    """429 / 3001: too many requests; QuickBooks did not run this one."""

    default_retryable = True

    def _plain_default(self) -> str:
        return "QuickBooks is throttling requests; it will retry in a minute"


class QboValidationError(QboError):
    """A permanent refusal of what was sent (2020, 2050, 2500, 610, 6000, 6210, ...)."""

    def _plain_default(self) -> str:
        what = self.detail or self.message
        return f"QuickBooks refused the entry: {what}" + (
            f" (code {self.code})" if self.code else ""
        )


class QboServerError(QboError):
    """5xx or SystemFault. The request may have run before QuickBooks failed."""

    default_retryable = True
    default_outcome_unknown = True

    def _plain_default(self) -> str:
        return "QuickBooks had a server error; it will retry"


class QboTransportError(QboError):
    """Timeout or connection failure. outcome_unknown unless nothing was sent."""

    default_retryable = True
    default_outcome_unknown = True

    def _plain_default(self) -> str:
        return "QuickBooks could not be reached (timeout or dropped connection); it will retry"


class QboTransientFault(QboError):
    """6000 "an unexpected error occurred ... try again": worth another go later.

    outcome_unknown is True: QuickBooks does not say whether a create got as far as saving,
    and looking the entry up by DocNumber first costs one query."""

    default_retryable = True
    default_outcome_unknown = True

    def _plain_default(self) -> str:
        return "QuickBooks had a temporary problem (unexpected error); it will retry"


_PLAIN_BY_CODE: dict[str, str] = {
    "2500": (
        "QuickBooks does not know one of the accounts (invalid reference): map the account "
        "again with `writeoff qbo map-accounts`"
    ),
    "610": (
        "an account used by the entry is inactive or deleted in QuickBooks: make it active "
        "there or map the account again with `writeoff qbo map-accounts`"
    ),
    "6210": (
        "the period is closed in QuickBooks: reopen it there or date the entry in an open period"
    ),
    "6190": "the QuickBooks subscription has ended: renew it in QuickBooks, then retry",
    "3001": "QuickBooks is throttling requests; it will retry in a minute",
    "1040": "too many entries in one QuickBooks batch request (at most 30)",
}

# Codes that are refusals of the content, whatever the fault type says.
_VALIDATION_CODES = frozenset(
    {"2020", "2050", "2170", "2500", "610", "6140", "6190", "6210", "1040"}
)


def _norm_code(code: Any, *texts: str | None) -> str | None:
    """ "003200" -> "3200"; else the errorCode=... QuickBooks puts in some messages."""
    text = str(code).strip() if code is not None else ""
    if text.isdigit():
        return str(int(text))
    if text:
        return text
    for t in texts:
        m = _ERROR_CODE.search(t or "")
        if m:
            return str(int(m.group(1)))
    return None


def _get(d: Mapping[str, Any], name: str) -> Any:
    """Case-insensitive key lookup: QuickBooks sends "Fault"/"fault", "Message"/"message"."""
    if name in d:
        return d[name]
    lower = name.lower()
    for key, value in d.items():
        if isinstance(key, str) and key.lower() == lower:
            return value
    return None


def _classify(
    status: int | None, code: str | None, fault_type: str | None, message: str, detail: str
) -> type[QboError]:
    kind = (fault_type or "").lower()
    text = f"{message} {detail}".lower()
    # Order matters: throttling arrives as type="ValidationFault" with HTTP 429.
    if status == 429 or code == "3001":
        return QboThrottled
    if status == 401 or code == "3200" or kind in ("authenticationfault", "authentication"):
        return QboAuthError
    if status == 403 or code == "3100" or kind in ("authorizationfault", "authorization"):
        return QboAuthorizationError
    if code == "6000" and ("unexpected error" in text or "try again" in text):
        return QboTransientFault
    if code in _VALIDATION_CODES:
        return QboValidationError
    if (status is not None and status >= 500) or kind in ("systemfault", "system"):
        return QboServerError
    if kind == "validationfault" or code is not None or status == 400:
        return QboValidationError
    return QboError  # 404, 405, odd 2xx/3xx: not a verdict on the entry, not retryable


def fault_from_json(
    fault: Mapping[str, Any],
    status: int | None = None,
    tid: str | None = None,
) -> QboError:
    """A `Fault` object (top-level or a batch item's) -> the matching QboError."""
    raw = _get(fault, "Error")
    errors = tuple(e for e in (raw if isinstance(raw, list) else [raw]) if isinstance(e, dict))
    first: Mapping[str, Any] = errors[0] if errors else {}
    message = str(_get(first, "Message") or "")
    detail = str(_get(first, "Detail") or "")
    fault_type = _get(fault, "type")
    code = _norm_code(_get(first, "code"), message, detail)
    cls = _classify(status, code, fault_type, message, detail)
    return cls(
        message or detail or f"{fault_type or 'Fault'} without a message",
        status=status,
        code=code,
        detail=detail or None,
        fault_type=str(fault_type) if fault_type else None,
        element=str(_get(first, "element") or "") or None,
        errors=errors,
        tid=tid,
    )


def _xml_fault(text: str) -> dict[str, Any] | None:
    """<IntuitResponse><Fault type=..><Error code=..><Message/><Detail/></Error></Fault>,
    with or without the v3 namespace, as the same dict shape as the JSON fault."""
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        return None  # HTML pages, and no entity expansion from untrusted input
    try:
        # Bytes, not str: ElementTree refuses a str with an encoding declaration.
        root = ET.fromstring(text.encode("utf-8"))
    except (ET.ParseError, ValueError):
        return None
    for el in root.iter():
        el.tag = el.tag.rsplit("}", 1)[-1]
    fault = root if root.tag == "Fault" else root.find(".//Fault")
    if fault is None:
        return None
    errors = [
        {
            "Message": (err.findtext("Message") or "").strip(),
            "Detail": (err.findtext("Detail") or "").strip(),
            "code": err.get("code"),
            "element": err.get("element"),
        }
        for err in fault.findall("Error")
    ]
    return {"Error": errors, "type": fault.get("type")}


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def error_from_response(status: int, headers: Mapping[str, str], body: bytes) -> QboError:
    """Any QuickBooks error answer (JSON, lower-case JSON, XML, HTML, empty) -> QboError."""
    tid = _header(headers, "intuit_tid")
    text = body[:_MAX_PARSE].decode("utf-8", "replace").strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            fault = _get(data, "Fault")
            if isinstance(fault, dict):
                return fault_from_json(fault, status=status, tid=tid)
            oauth_error = data.get("error")
            if isinstance(oauth_error, str):  # OAuth endpoints: {"error": "invalid_grant"}
                desc = str(data.get("error_description") or oauth_error)
                cls = _classify(status, None, None, desc, "")
                return cls(desc, status=status, code=oauth_error, tid=tid)
    if text.startswith("<"):
        fault_dict = _xml_fault(text)
        if fault_dict is not None:
            return fault_from_json(fault_dict, status=status, tid=tid)
    if not text:
        message = f"HTTP {status} with an empty body"
    else:
        m = _TITLE.search(text)
        snippet = m.group(1) if m else _TAGS.sub(" ", text)
        snippet = " ".join(snippet.split())[:200]
        message = f"HTTP {status}: {snippet}"
    cls = _classify(status, None, None, message, "")
    return cls(message, status=status, tid=tid)
