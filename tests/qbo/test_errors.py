"""error_from_response / fault_from_json: every body shape QuickBooks sends -> the right type.

Unit tests on the pure parser, then the same shapes served by the fake over HTTP."""

from __future__ import annotations

import json

import httpx
import pytest

from qbo.client import QboClient
from qbo.errors import (
    InvalidGrant,
    QboAuthError,
    QboAuthorizationError,
    QboError,
    QboServerError,
    QboThrottled,
    QboTransientFault,
    QboTransportError,
    QboValidationError,
    error_from_response,
    fault_from_json,
)
from qbo.limits import RateLimiter
from tests.fakes.qbo_api import FakeQbo, FakeTokens, fake_qbo_fixture  # noqa: F401

JSON = {"Content-Type": "application/json"}


def fault_body(code: str, message: str, detail: str = "", kind: str = "ValidationFault") -> bytes:
    return json.dumps(
        {
            "Fault": {
                "Error": [{"Message": message, "Detail": detail, "code": code, "element": ""}],
                "type": kind,
            },
            "time": "2026-11-24T10:00:00.000-08:00",
        }
    ).encode()


@pytest.mark.parametrize(
    ("code", "message", "detail"),
    [
        ("2020", "Required param missing", "Required parameter Line is missing"),
        ("2050", "Invalid Number", "Invalid Number : 1.005"),
        ("2170", "Invalid Enumeration", "Invalid Enumeration : Debitt"),
        ("2500", "Invalid Reference Id", "Invalid Reference Id : Accounts element id 9"),
        ("610", "Object Not Found", "Something you're trying to use has been made inactive."),
        ("6140", "Duplicate Document Number Error", "Duplicate Document Number Error"),
        ("6190", "Invalid Company Status", "Subscription period has ended or canceled"),
        ("6210", "Account Period Closed", "The account period has closed"),
        ("1040", "Too many batch items", "The maximum is 30"),
        (
            "6000",
            "A business validation error has occurred",
            "Business Validation Error: Transaction must balance.",
        ),
    ],
)
def test_validation_faults_are_permanent(code: str, message: str, detail: str) -> None:
    err = error_from_response(400, JSON, fault_body(code, message, detail))
    assert type(err) is QboValidationError
    assert (err.code, err.message, err.detail) == (code, message, detail)
    assert err.fault_type == "ValidationFault" and err.status == 400
    assert not err.retryable and not err.outcome_unknown
    assert err.plain_words()


def test_plain_words_say_what_to_do() -> None:
    words = {
        code: error_from_response(400, JSON, fault_body(code, "m", "d")).plain_words()
        for code in ("2500", "6210", "6190", "610")
    }
    assert "invalid reference" in words["2500"] and "writeoff qbo map-accounts" in words["2500"]
    assert "period is closed" in words["6210"] and "reopen" in words["6210"]
    assert "subscription has ended" in words["6190"]
    assert "inactive" in words["610"]
    unbalanced = error_from_response(400, JSON, fault_body("6000", "m", "Transaction must balance"))
    assert "Transaction must balance" in unbalanced.plain_words()
    assert "throttling" in error_from_response(429, {}, b"").plain_words()
    assert "server error" in error_from_response(503, {}, b"").plain_words()


def test_unexpected_6000_is_transient() -> None:
    body = fault_body(
        "6000",
        "An unexpected error occurred while accessing or saving your "
        "data. Please wait a few minutes and try again.",
        "",
    )
    err = error_from_response(400, JSON, body)
    assert isinstance(err, QboTransientFault)
    assert err.retryable and err.code == "6000"


def test_lower_case_401_fault() -> None:
    body = {
        "fault": {
            "error": [
                {
                    "message": "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                    "detail": "Token expired",
                    "code": "3200",
                }
            ],
            "type": "AUTHENTICATION",
        },
        "time": 1764000000000,
    }
    err = error_from_response(401, {"intuit_tid": "1-abc"}, json.dumps(body).encode())
    assert type(err) is QboAuthError
    assert (err.code, err.detail, err.fault_type, err.tid) == (
        "3200",
        "Token expired",
        "AUTHENTICATION",
        "1-abc",
    )
    assert not err.retryable


def test_403_authorization_fault() -> None:
    body = {
        "fault": {
            "error": [
                {
                    "message": "message=ApplicationAuthorizationFailed; "
                    "errorCode=003100; statusCode=403",
                    "detail": "scope",
                }
            ],
            "type": "AUTHORIZATION",
        }
    }
    err = error_from_response(403, JSON, json.dumps(body).encode())
    assert type(err) is QboAuthorizationError
    assert err.code == "3100"  # taken from errorCode=003100 in the message


@pytest.mark.parametrize("namespace", ['xmlns="http://schema.intuit.com/finance/v3" ', ""])
def test_xml_throttle_fault_with_and_without_namespace(namespace: str) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<IntuitResponse {namespace}time="2026-11-24T10:00:00.000-08:00">'
        '<Fault type="ValidationFault"><Error code="3001"><Message>message=ThrottleExceeded; '
        "errorCode=003001; statusCode=429</Message><Detail>The request limit was reached."
        "</Detail></Error></Fault></IntuitResponse>"
    )
    err = error_from_response(429, {"Content-Type": "application/xml"}, xml.encode())
    assert type(err) is QboThrottled
    assert err.code == "3001" and err.detail == "The request limit was reached."
    assert err.fault_type == "ValidationFault"
    assert err.retryable and not err.outcome_unknown
    assert "throttling" in err.plain_words() and "minute" in err.plain_words()


def test_xml_validation_fault_with_json_requested() -> None:
    xml = (
        '<IntuitResponse xmlns="http://schema.intuit.com/finance/v3"><Fault '
        'type="ValidationFault"><Error code="2500" element="AccountRef"><Message>Invalid '
        "Reference Id</Message><Detail>Accounts element id 9 not found</Detail></Error>"
        "</Fault></IntuitResponse>"
    )
    err = error_from_response(400, JSON, xml.encode())
    assert type(err) is QboValidationError
    assert (err.code, err.element) == ("2500", "AccountRef")


def test_xml_authentication_fault() -> None:
    xml = (
        '<IntuitResponse><Fault type="AuthenticationFault"><Error code="3200"><Message>'
        "message=AuthenticationFailed; errorCode=003200; statusCode=401</Message><Detail>"
        "Token revoked</Detail></Error></Fault></IntuitResponse>"
    )
    assert type(error_from_response(401, {}, xml.encode())) is QboAuthError


def test_html_503_page() -> None:
    html = (
        b"<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title>"
        b"</head><body><h1>Service Temporarily Unavailable</h1></body></html>"
    )
    err = error_from_response(503, {"Content-Type": "text/html"}, html)
    assert type(err) is QboServerError
    assert err.retryable and err.outcome_unknown
    assert "503 Service Temporarily Unavailable" in err.message
    assert err.plain_words() == "QuickBooks had a server error; it will retry"


@pytest.mark.parametrize("status", [500, 502, 504])
def test_empty_5xx(status: int) -> None:
    err = error_from_response(status, {}, b"")
    assert type(err) is QboServerError
    assert err.status == status and "empty" in err.message


def test_system_fault_json() -> None:
    err = error_from_response(
        500, JSON, fault_body("10000", "An application error", "", "SystemFault")
    )
    assert type(err) is QboServerError and err.outcome_unknown


def test_empty_429_and_401() -> None:
    assert type(error_from_response(429, {}, b"")) is QboThrottled
    assert type(error_from_response(401, {}, b"")) is QboAuthError


def test_oauth_error_body() -> None:
    err = error_from_response(401, JSON, b'{"error": "invalid_client"}')
    assert type(err) is QboAuthError and err.code == "invalid_client"


def test_garbage_is_still_a_qbo_error() -> None:
    err = error_from_response(400, {}, b"{not json")
    assert isinstance(err, QboError) and err.status == 400
    # An entity-expansion bomb is not expanded.
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert isinstance(error_from_response(500, {}, bomb), QboServerError)


def test_fault_from_json_for_batch_items() -> None:
    item = {
        "Error": [{"Message": "Invalid Reference Id", "Detail": "id 9", "code": "2500"}],
        "type": "ValidationFault",
    }
    err = fault_from_json(item)
    assert type(err) is QboValidationError and err.status is None and err.code == "2500"
    several = {
        "Error": [{"Message": "a", "code": "2050"}, {"Message": "b", "code": "2020"}],
        "type": "ValidationFault",
    }
    assert len(fault_from_json(several).errors) == 2


def test_str_has_status_code_and_detail() -> None:
    err = error_from_response(400, JSON, fault_body("2500", "Invalid Reference Id", "id 9"))
    assert str(err) == "QuickBooks HTTP 400 code 2500: Invalid Reference Id (id 9)"


def test_subclass_tree() -> None:
    assert issubclass(InvalidGrant, QboAuthError)
    for cls in (
        QboAuthError,
        QboAuthorizationError,
        QboThrottled,
        QboValidationError,
        QboServerError,
        QboTransportError,
        QboTransientFault,
    ):
        assert issubclass(cls, QboError)
    assert QboTransportError("x", outcome_unknown=False).outcome_unknown is False


# -- the same shapes, served by the fake over HTTP -------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("throttle_xml", QboThrottled),
        ("html_503", QboServerError),
        ("empty_502", QboServerError),
        ("system_fault_500", QboServerError),
        ("unexpected_6000", QboTransientFault),
    ],
)
def test_fake_fault_shapes_over_http(
    fake_qbo: FakeQbo, kind: str, expected: type[QboError]
) -> None:
    fake_qbo.fail_next("journalentry", kind)
    a, b = fake_qbo.add_account("Shrinkage"), fake_qbo.add_account("Inventory")
    entry = {
        "DocNumber": "JE-1",
        "Line": [
            {
                "Amount": 1,
                "DetailType": "JournalEntryLineDetail",
                "JournalEntryLineDetail": {"PostingType": "Debit", "AccountRef": {"value": a}},
            },
            {
                "Amount": 1,
                "DetailType": "JournalEntryLineDetail",
                "JournalEntryLineDetail": {"PostingType": "Credit", "AccountRef": {"value": b}},
            },
        ],
    }
    with httpx.Client(timeout=5) as http:
        client = QboClient(
            fake_qbo.api_base,
            fake_qbo.realm_id,
            FakeTokens(fake_qbo, http),
            http=http,
            limiter=RateLimiter(),
            max_retries=0,
            sleep=lambda s: None,
        )
        with pytest.raises(QboError) as caught:
            client.create_journal_entry(entry, "req-1")
    assert type(caught.value) is expected
    assert caught.value.tid  # intuit_tid captured for support


def test_not_found_page_is_not_a_validation_verdict() -> None:
    err = error_from_response(
        404,
        {"Content-Type": "text/html"},
        b"<html><head><title>404 Not Found</title></head></html>",
    )
    assert type(err) is QboError and not err.retryable
    assert "404 Not Found" in err.plain_words()
