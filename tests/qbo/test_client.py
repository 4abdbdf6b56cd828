"""QboClient against the fake QuickBooks over real HTTP: paging, creates, batches, faults,
token refresh, throttling and the no-blind-retry rule for writes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
import pytest

from qbo.client import QboClient, quote_literal
from qbo.errors import (
    QboAuthError,
    QboError,
    QboServerError,
    QboThrottled,
    QboTransientFault,
    QboTransportError,
    QboValidationError,
)
from qbo.limits import RateLimiter
from tests.fakes.qbo_api import FakeQbo, FakeTokens, fake_qbo_fixture  # noqa: F401


class RecordingLimiter(RateLimiter):
    def __init__(self) -> None:
        super().__init__(per_second=1000, per_minute=100_000)
        self.calls: list[bool] = []

    def acquire(self, batch: bool = False) -> AbstractContextManager[None]:
        self.calls.append(batch)
        return super().acquire(batch)


@dataclass
class Env:
    fake: FakeQbo
    http: httpx.Client
    tokens: FakeTokens
    limiter: RecordingLimiter
    slept: list[float] = field(default_factory=list)
    debit: str = ""
    credit: str = ""

    def client(self, **kwargs: Any) -> QboClient:
        kwargs.setdefault("http", self.http)
        kwargs.setdefault("limiter", self.limiter)
        kwargs.setdefault("sleep", self.slept.append)
        api_base = kwargs.pop("api_base", self.fake.api_base)
        return QboClient(api_base, self.fake.realm_id, self.tokens, **kwargs)


@pytest.fixture
def env(fake_qbo: FakeQbo) -> Iterator[Env]:
    with httpx.Client(timeout=5) as http:
        e = Env(fake_qbo, http, FakeTokens(fake_qbo, http), RecordingLimiter())
        e.debit = fake_qbo.add_account("Inventory Shrinkage", "6100", "Cost of Goods Sold")
        e.credit = fake_qbo.add_account(
            "Inventory Asset", "1300", "Other Current Asset", sub_type="Inventory"
        )
        yield e


def entry(
    env: Env,
    doc: str,
    amount: Any = 600.0,
    credit_amount: Any = None,
    debit_acct: str | None = None,
) -> dict[str, Any]:
    def line(posting: str, acct: str, value: Any) -> dict[str, Any]:
        return {
            "Description": "water damage",
            "Amount": value,
            "DetailType": "JournalEntryLineDetail",
            "JournalEntryLineDetail": {"PostingType": posting, "AccountRef": {"value": acct}},
        }

    credit_amount = amount if credit_amount is None else credit_amount
    return {
        "TxnDate": "2026-11-24",
        "DocNumber": doc,
        "PrivateNote": "write-off",
        "Line": [
            line("Debit", debit_acct or env.debit, amount),
            line("Credit", env.credit, credit_amount),
        ],
    }


# -- reads -------------------------------------------------------------------------------------


def test_accounts_paged_over_three_pages(env: Env) -> None:
    for n in range(2498):
        env.fake.add_account(f"Account {n:04d}", active=n % 100 != 0)
    accounts = env.client().accounts()
    assert len(accounts) == 2500  # inactive ones included
    assert len({a["Id"] for a in accounts}) == 2500
    queries = env.fake.api_requests("query")
    assert [q.params["query"].split(" STARTPOSITION ")[1] for q in queries] == [
        "1 MAXRESULTS 1000",
        "1001 MAXRESULTS 1000",
        "2001 MAXRESULTS 1000",
    ]
    for q in queries:
        assert q.method == "GET"
        assert q.params["minorversion"] == "75"
        assert q.headers["Accept"] == "application/json"
        assert q.headers["Authorization"] == "Bearer <redacted>"
    assert env.limiter.calls == [False, False, False]


def test_plain_account_query_shows_active_only(env: Env) -> None:
    env.fake.add_account("Old Shrinkage", active=False)
    names = {a["Name"] for a in env.client().query("select * from Account")}
    assert names == {"Inventory Shrinkage", "Inventory Asset"}
    assert len(env.client().accounts()) == 3


def test_query_exact_multiple_of_page_size(env: Env) -> None:
    env.fake.add_account("Third")
    rows = env.client().query("select * from Account", page_size=3)
    assert len(rows) == 3
    assert env.fake.request_count("query") == 2  # the second page is empty: done


def test_query_honours_its_own_paging(env: Env) -> None:
    for n in range(5):
        env.fake.add_account(f"A{n}")
    rows = env.client().query("select * from Account STARTPOSITION 2 MAXRESULTS 3")
    assert [r["Name"] for r in rows] == ["Inventory Asset", "A0", "A1"]
    assert env.fake.request_count("query") == 1


def test_query_with_no_rows(env: Env) -> None:
    assert env.client().query("select * from JournalEntry") == []


def test_find_journal_entries_quotes_and_chunks(env: Env) -> None:
    client = env.client()
    made = client.create_journal_entry(entry(env, "JE-O'Brien"), "r-1")
    client.create_journal_entry(entry(env, "JE-000002"), "r-2")
    docs = ["JE-O'Brien", "JE-000002"] + [f"JE-MISSING-{n}" for n in range(118)]
    found = client.find_journal_entries(docs)
    assert set(found) == {"JE-O'Brien", "JE-000002"}
    assert found["JE-O'Brien"]["Id"] == made["Id"]
    assert found["JE-O'Brien"]["SyncToken"] == "0"
    queries = env.fake.api_requests("query")
    assert len(queries) == 3  # 120 DocNumbers, 50 per query
    assert "'JE-O\\'Brien'" in queries[0].params["query"]
    assert (
        queries[0]
        .params["query"]
        .startswith("select Id, DocNumber, SyncToken from JournalEntry where DocNumber in (")
    )
    assert quote_literal("a\\b'c") == "'a\\\\b\\'c'"


def test_html_503_on_query_is_retried_with_backoff(env: Env) -> None:
    env.fake.fail_next("query", "html_503")
    env.fake.fail_next("query", "empty_502")
    rows = env.client(backoff_base=0.5).accounts()
    assert len(rows) == 2
    assert [r.status for r in env.fake.api_requests("query")] == [503, 502, 200]
    assert len(env.slept) == 2
    assert 0.25 <= env.slept[0] <= 0.5 and 0.5 <= env.slept[1] <= 1.0  # exponential + jitter


def test_query_gives_up_after_max_retries(env: Env) -> None:
    env.fake.fail_next("query", "system_fault_500", times=3)
    with pytest.raises(QboServerError):
        env.client(max_retries=2).accounts()
    assert env.fake.request_count("query") == 3


def test_transient_6000_on_query_is_retried(env: Env) -> None:
    env.fake.fail_next("query", "unexpected_6000")
    assert len(env.client().accounts()) == 2
    assert len(env.slept) == 1


def test_timeout_on_query_is_retried(env: Env) -> None:
    env.fake.fail_next("query", "timeout_after_create")  # answers too late
    env.fake.hang_seconds = 0.6
    with httpx.Client(timeout=0.2) as http:
        assert len(env.client(http=http).accounts()) == 2
    assert len(env.slept) == 1


# -- creates -----------------------------------------------------------------------------------


def test_create_journal_entry(env: Env) -> None:
    body = entry(env, "JE-000001")
    created = env.client().create_journal_entry(body, "writeoff-1-JE-000001")
    assert created["Id"] and created["SyncToken"] == "0" and created["DocNumber"] == "JE-000001"
    assert "CreateTime" in created["MetaData"]
    req = env.fake.api_requests("journalentry")[0]
    assert req.method == "POST"
    assert req.params == {"requestid": "writeoff-1-JE-000001", "minorversion": "75"}
    assert req.headers["Content-Type"] == "application/json"
    assert req.headers["Accept"] == "application/json"
    assert req.body == body and "Id" not in req.body
    assert env.fake.journal_entries()[0]["Id"] == created["Id"]


def test_decimal_amounts_go_out_exactly(env: Env) -> None:
    body = entry(env, "JE-000002", Decimal("600.00"))
    created = env.client().create_journal_entry(body, "r-dec")
    assert created["TotalAmt"] == 600
    assert b'"Amount": 600.00,' in env.fake.api_requests("journalentry")[0].raw


def test_never_sends_id_on_create(env: Env) -> None:
    client = env.client()
    with pytest.raises(ValueError):
        client.create_journal_entry({**entry(env, "JE-1"), "Id": "42"}, "r")
    with pytest.raises(ValueError):
        client.batch_create_journal_entries([("1", {**entry(env, "JE-1"), "Id": "42"})], "r")
    with pytest.raises(ValueError):
        client.create_journal_entry(entry(env, "JE-1"), "r" * 51)
    assert env.fake.request_count() == 0


def test_fake_refuses_id_on_create(env: Env) -> None:
    resp = env.http.post(
        f"{env.fake.api_base}/v3/company/{env.fake.realm_id}/journalentry",
        json={**entry(env, "JE-1"), "Id": "42"},
        headers={"Authorization": f"Bearer {env.tokens.access_token()}"},
    )
    assert resp.status_code == 400 and resp.json()["Fault"]["Error"][0]["code"] == "2020"


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("unbalanced", "6000"),
        ("unknown_account", "2500"),
        ("inactive_account", "610"),
        ("three_decimals", "2050"),
        ("negative", "2050"),
        ("doc_number_too_long", "2050"),
    ],
)
def test_validation_faults_are_not_retried(env: Env, case: str, code: str) -> None:
    body = {
        "unbalanced": lambda: entry(env, "JE-1", 600.0, 599.99),
        "unknown_account": lambda: entry(env, "JE-1", debit_acct="9999"),
        "inactive_account": lambda: entry(
            env, "JE-1", debit_acct=env.fake.add_account("Old", active=False)
        ),
        "three_decimals": lambda: entry(env, "JE-1", 10.005),
        "negative": lambda: entry(env, "JE-1", -5),
        "doc_number_too_long": lambda: entry(env, "JE-" + "9" * 19),
    }[case]()
    with pytest.raises(QboValidationError) as caught:
        env.client().create_journal_entry(body, "req-1")
    err = caught.value
    assert err.code == code and err.status == 400
    assert not err.retryable and not err.outcome_unknown
    assert env.fake.request_count() == 1 and env.slept == []
    assert env.fake.journal_entries() == []
    if case == "unbalanced":
        assert "Transaction must balance" in (err.detail or "")
        assert not isinstance(err, QboTransientFault)


def test_requestid_replay_returns_the_original(env: Env) -> None:
    client = env.client()
    first = client.create_journal_entry(entry(env, "JE-000007"), "push-7")
    again = client.create_journal_entry(entry(env, "JE-000007"), "push-7")
    assert again["Id"] == first["Id"]
    assert len(env.fake.journal_entries()) == 1
    assert [r.replayed for r in env.fake.api_requests("journalentry")] == [False, True]


def test_duplicates_when_replay_is_not_honoured(env: Env) -> None:
    env.fake.honour_request_id = False
    client = env.client()
    first = client.create_journal_entry(entry(env, "JE-000007"), "push-7")
    second = client.create_journal_entry(entry(env, "JE-000007"), "push-7")
    assert second["Id"] != first["Id"]  # QuickBooks accepts duplicate DocNumbers
    found = client.find_journal_entries(["JE-000007"])["JE-000007"]
    low, high = sorted([first["Id"], second["Id"]], key=int)
    assert found["Id"] == low and found["_duplicate_ids"] == [high]


def test_drop_after_create_is_outcome_unknown_then_reconciled(env: Env) -> None:
    env.fake.honour_request_id = False
    env.fake.fail_next("journalentry", "drop_after_create")
    client = env.client()
    with pytest.raises(QboTransportError) as caught:
        client.create_journal_entry(entry(env, "JE-000009"), "push-9")
    assert caught.value.outcome_unknown and caught.value.retryable
    assert env.fake.request_count("journalentry") == 1  # not resent blindly
    [made] = env.fake.journal_entries()
    assert client.find_journal_entries(["JE-000009"])["JE-000009"]["Id"] == made["Id"]


def test_timeout_after_create_is_outcome_unknown(env: Env) -> None:
    env.fake.fail_next("journalentry", "timeout_after_create")
    env.fake.hang_seconds = 0.6
    with httpx.Client(timeout=0.2) as http, pytest.raises(QboTransportError) as caught:
        env.client(http=http).create_journal_entry(entry(env, "JE-000010"), "push-10")
    assert caught.value.outcome_unknown
    assert env.fake.request_count("journalentry") == 1
    assert len(env.fake.journal_entries()) == 1


@pytest.mark.parametrize("kind", ["system_fault_500", "html_503", "empty_502"])
def test_5xx_on_create_is_not_resent(env: Env, kind: str) -> None:
    env.fake.fail_next("journalentry", kind)
    with pytest.raises(QboServerError) as caught:
        env.client().create_journal_entry(entry(env, "JE-1"), "r-1")
    assert caught.value.outcome_unknown and caught.value.retryable
    assert env.fake.request_count("journalentry") == 1 and env.slept == []


def test_transient_6000_on_create_is_raised_retryable(env: Env) -> None:
    env.fake.fail_next("journalentry", "unexpected_6000")
    with pytest.raises(QboTransientFault) as caught:
        env.client().create_journal_entry(entry(env, "JE-1"), "r-1")
    assert caught.value.retryable and caught.value.code == "6000"
    assert env.fake.request_count("journalentry") == 1


def test_connection_refused_is_resent_even_for_creates(env: Env) -> None:
    client = env.client(api_base="http://127.0.0.1:1", max_retries=2)
    with pytest.raises(QboTransportError) as caught:
        client.create_journal_entry(entry(env, "JE-1"), "r-1")
    assert not caught.value.outcome_unknown  # nothing was sent
    assert len(env.slept) == 2


def test_closed_period_fault(env: Env) -> None:
    env.fake.fault_next(
        "journalentry", "6210", "Account Period Closed", "The account period has closed."
    )
    with pytest.raises(QboValidationError) as caught:
        env.client().create_journal_entry(entry(env, "JE-1"), "r-1")
    assert "period is closed" in caught.value.plain_words()


# -- tokens and throttling ---------------------------------------------------------------------


def test_expired_token_is_refreshed_once(env: Env) -> None:
    client = env.client()
    client.accounts()
    env.fake.expire_access_tokens()
    assert len(client.accounts()) == 2
    assert env.tokens.refreshes == 1
    assert [r.status for r in env.fake.api_requests("query")] == [200, 401, 200]
    client.create_journal_entry(entry(env, "JE-1"), "r-1")  # the new token keeps working
    assert env.tokens.refreshes == 1


def test_second_401_raises(env: Env) -> None:
    env.fake.fail_next("query", "auth_401", times=2)
    with pytest.raises(QboAuthError) as caught:
        env.client().accounts()
    assert caught.value.status == 401 and caught.value.code == "3200"
    assert env.tokens.refreshes == 1
    assert env.fake.request_count("query") == 2


def test_revoked_connection_surfaces_invalid_grant(env: Env) -> None:
    env.fake.revoke_all()
    with pytest.raises(QboAuthError) as caught:
        env.client().accounts()
    assert type(caught.value).__name__ == "InvalidGrant"


def test_throttled_create_waits_a_minute_then_succeeds(env: Env) -> None:
    env.fake.fail_next("journalentry", "throttle_xml")
    created = env.client(throttle_wait=60).create_journal_entry(entry(env, "JE-1"), "r-1")
    assert created["Id"]
    assert env.slept == [60]
    assert [r.status for r in env.fake.api_requests("journalentry")] == [429, 200]
    assert len(env.fake.journal_entries()) == 1


def test_throttling_gives_up_after_max_retries(env: Env) -> None:
    env.fake.fail_next("query", "throttle_xml", times=3)
    with pytest.raises(QboThrottled):
        env.client(max_retries=2).accounts()
    assert env.slept == [60.0, 60.0]


def test_tokens_never_reach_logs_or_errors(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    env.fake.fail_next("query", "html_503")
    env.fake.fail_next("query", "throttle_xml")
    env.client().accounts()
    env.fake.fail_next("journalentry", "auth_401", times=2)
    with pytest.raises(QboAuthError) as caught:
        env.client().create_journal_entry(entry(env, "JE-1"), "r-1")
    token = env.tokens.access_token()
    assert token not in caplog.text and token not in str(caught.value)
    assert "fake-rt-" not in caplog.text and "fake-at-" not in caplog.text


# -- batches -----------------------------------------------------------------------------------


def test_batch_partial_success_matched_by_bid(env: Env) -> None:
    items = [(str(n), entry(env, f"JE-{n:06d}")) for n in range(1, 9)]
    items[2] = ("3", entry(env, "JE-000003", debit_acct="9999"))  # unknown account
    items[5] = ("6", entry(env, "JE-000006", 100.0, 90.0))  # unbalanced
    results = env.client().batch_create_journal_entries(items, "batch-1")
    assert set(results) == {bid for bid, _ in items}
    for bid, body in items:
        result = results[bid]
        if bid in ("3", "6"):
            assert isinstance(result, QboValidationError)
            assert not result.retryable and not result.outcome_unknown
        else:
            assert isinstance(result, dict) and result["DocNumber"] == body["DocNumber"]
    assert results["3"].code == "2500" and results["6"].code == "6000"  # type: ignore[union-attr]
    req = env.fake.api_requests("batch")[0]
    assert req.params == {"requestid": "batch-1", "minorversion": "75"}
    assert [i["operation"] for i in req.body["BatchItemRequest"]] == ["create"] * 8
    assert env.limiter.calls == [True]
    assert len(env.fake.journal_entries()) == 6


def test_fake_shuffles_batch_answers(env: Env) -> None:
    body = {
        "BatchItemRequest": [
            {"bId": str(n), "operation": "create", "JournalEntry": entry(env, f"JE-{n}")}
            for n in range(10)
        ]
    }
    resp = env.http.post(
        f"{env.fake.api_base}/v3/company/{env.fake.realm_id}/batch",
        content=json.dumps(body),
        headers={
            "Authorization": f"Bearer {env.tokens.access_token()}",
            "Content-Type": "application/json",
        },
    )
    order = [item["bId"] for item in resp.json()["BatchItemResponse"]]
    assert sorted(order, key=int) == [str(n) for n in range(10)] and order != sorted(order)


def test_batch_limits(env: Env) -> None:
    client = env.client()
    too_many = [(str(n), entry(env, f"JE-{n}")) for n in range(31)]
    with pytest.raises(ValueError):
        client.batch_create_journal_entries(too_many, "b")
    with pytest.raises(ValueError):
        client.batch_create_journal_entries([("12345678901", entry(env, "JE-1"))], "b")
    with pytest.raises(ValueError):
        client.batch_create_journal_entries([("1", entry(env, "JE-1"))], "b" * 37)
    with pytest.raises(ValueError):
        client.batch_create_journal_entries([("1", entry(env, "A")), ("1", entry(env, "B"))], "b")
    assert env.fake.request_count() == 0
    assert client.batch_create_journal_entries([], "b") == {}
    # And QuickBooks' own refusal of a 31-item batch, for a client that did not check.
    body = {
        "BatchItemRequest": [
            {"bId": bid, "operation": "create", "JournalEntry": e} for bid, e in too_many
        ]
    }
    resp = env.http.post(
        f"{env.fake.api_base}/v3/company/{env.fake.realm_id}/batch",
        json=body,
        headers={"Authorization": f"Bearer {env.tokens.access_token()}"},
    )
    assert resp.status_code == 400 and resp.json()["Fault"]["Error"][0]["code"] == "1040"


def test_batch_missing_bid_is_outcome_unknown(env: Env) -> None:
    env.fake.omit_from_batch_answer = {"2"}
    items = [(str(n), entry(env, f"JE-{n}")) for n in (1, 2)]
    results = env.client().batch_create_journal_entries(items, "b-1")
    assert isinstance(results["1"], dict)
    missing = results["2"]
    assert isinstance(missing, QboError) and missing.outcome_unknown and missing.retryable


def test_batch_dropped_connection_is_outcome_unknown(env: Env) -> None:
    env.fake.fail_next("batch", "drop_after_create")
    items = [(str(n), entry(env, f"JE-{n}")) for n in (1, 2, 3)]
    client = env.client()
    with pytest.raises(QboTransportError) as caught:
        client.batch_create_journal_entries(items, "b-1")
    assert caught.value.outcome_unknown
    assert env.fake.batch_count == 1
    assert set(client.find_journal_entries(["JE-1", "JE-2", "JE-3"])) == {"JE-1", "JE-2", "JE-3"}


def test_batch_replay_and_throttle(env: Env) -> None:
    env.fake.fail_next("batch", "throttle_xml")
    client = env.client()
    items = [("1", entry(env, "JE-1"))]
    first = client.batch_create_journal_entries(items, "b-1")
    again = client.batch_create_journal_entries(items, "b-1")
    assert first["1"]["Id"] == again["1"]["Id"]  # type: ignore[index]
    assert env.slept == [60.0] and len(env.fake.journal_entries()) == 1


# -- intuit_tid --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        "throttle_xml",  # XML fault
        "html_503",  # HTML gateway page
        "empty_502",  # no body at all
        "system_fault_500",  # JSON Fault
        "unexpected_6000",  # JSON Fault, transient
        "auth_401",  # lower-case JSON fault, after one refresh
    ],
)
def test_every_fault_carries_the_answers_intuit_tid(env: Env, kind: str) -> None:
    env.fake.fail_next("journalentry", kind, times=2 if kind == "auth_401" else 1)
    with pytest.raises(QboError) as caught:
        env.client(max_retries=0).create_journal_entry(entry(env, "JE-1"), "r-1")
    last = env.fake.api_requests("journalentry")[-1]
    assert last.tid and caught.value.tid == last.tid


def test_validation_fault_and_retried_query_carry_the_last_tid(env: Env) -> None:
    env.fake.fault_next("journalentry", "6210", "Account Period Closed", "closed", status=400)
    with pytest.raises(QboValidationError) as closed:
        env.client().create_journal_entry(entry(env, "JE-1"), "r-1")
    assert closed.value.tid == env.fake.api_requests("journalentry")[-1].tid
    env.fake.fail_next("query", "html_503", times=3)
    with pytest.raises(QboServerError) as down:
        env.client(max_retries=2).accounts()
    tids = [r.tid for r in env.fake.api_requests("query")]
    assert len(set(tids)) == 3 and down.value.tid == tids[-1]  # the answer that was raised


def test_batch_item_faults_carry_the_batch_answers_tid(env: Env) -> None:
    env.fake.omit_from_batch_answer = {"3"}
    items = [
        ("1", entry(env, "JE-1")),
        ("2", entry(env, "JE-2", debit_acct="9999")),  # unknown account: item fault 2500
        ("3", entry(env, "JE-3")),  # not answered for
    ]
    results = env.client().batch_create_journal_entries(items, "b-1")
    tid = env.fake.api_requests("batch")[0].tid
    assert tid and isinstance(results["1"], dict)
    fault, missing = results["2"], results["3"]
    assert isinstance(fault, QboValidationError) and fault.code == "2500" and fault.tid == tid
    assert isinstance(missing, QboError) and missing.outcome_unknown and missing.tid == tid


def test_no_answer_no_tid(env: Env) -> None:
    env.fake.fail_next("journalentry", "drop_after_create")
    with pytest.raises(QboTransportError) as caught:
        env.client().create_journal_entry(entry(env, "JE-1"), "r-1")
    assert caught.value.tid is None


@pytest.mark.parametrize(
    "body",
    [
        b'{"Fault": {"Error": [{"Message": "boom", "code": "6000"}], "type": "ValidationFault"}}',
        b"<html>ok?</html>",
        b"",
    ],
)
def test_odd_200_answers_carry_the_tid(body: bytes) -> None:
    """Shapes the fake does not make: a Fault inside a 200, a 2xx that is not JSON."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"intuit_tid": "1-odd200"})

    class Tokens:
        def access_token(self) -> str:
            return "fake-at-mock"

        def refresh_access_token(self, rejected: str) -> str:
            return "fake-at-mock"

    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        client = QboClient("https://qbo.test", "123", Tokens(), http=http, limiter=RateLimiter())
        with pytest.raises(QboError) as caught:
            client.create_journal_entry({"DocNumber": "JE-1", "Line": []}, "r-1")
    assert caught.value.tid == "1-odd200"
