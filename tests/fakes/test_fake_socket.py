"""The Socket Mode fake speaks Slack's protocol: app-level token, hello, envelopes, acks
checked, redelivery with retry_attempt, disconnect. Driven here by a bare aiohttp WebSocket
client, so these tests say what the fake does, not what slack_sdk does with it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import event_callback_body, message_event
from tests.fakes.slack_socket import FakeSocketMode


@pytest.fixture
def sock() -> Iterator[FakeSocketMode]:
    with FakeSlack() as web, FakeSocketMode(web, ack_timeout=0.3, close_grace=0.3) as fake:
        yield fake


def open_url(sock: FakeSocketMode, token: str | None = None) -> str:
    client = WebClient(base_url=sock.web_api.api_url)
    return str(client.apps_connections_open(app_token=token or sock.app_token)["url"])


async def receive(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    msg = await asyncio.wait_for(ws.receive(), 5)
    assert msg.type == aiohttp.WSMsgType.TEXT, msg
    return dict(json.loads(msg.data))


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def test_connections_open_needs_the_app_level_token(sock: FakeSocketMode) -> None:
    assert open_url(sock).startswith("ws://127.0.0.1:")
    client = WebClient(base_url=sock.web_api.api_url)
    for token, error in (
        (sock.web_api.token, "not_allowed_token_type"),  # a bot token
        ("xapp-1-not-ours", "invalid_auth"),
    ):
        with pytest.raises(SlackApiError) as exc:
            client.apps_connections_open(app_token=token)
        assert exc.value.response["error"] == error
    # and the app-level token is good for nothing else
    with pytest.raises(SlackApiError) as exc:
        WebClient(token=sock.app_token, base_url=sock.web_api.api_url).chat_postMessage(
            channel="C1", text="hi"
        )
    assert exc.value.response["error"] == "not_allowed_token_type"


async def test_hello_envelope_ack_with_payload(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    url = open_url(sock)
    async with session.ws_connect(url) as ws:
        hello = await receive(ws)
        assert hello["type"] == "hello" and hello["num_connections"] == 1
        env_id = await asyncio.to_thread(sock.slash_command, "help", "U1", "C1")
        env = await receive(ws)
        assert env["envelope_id"] == env_id and env["type"] == "slash_commands"
        assert env["accepts_response_payload"] is True and env["payload"]["text"] == "help"
        await ws.send_str(json.dumps({"envelope_id": env_id, "payload": {"text": "ok"}}))
        acked = await asyncio.to_thread(sock.wait_ack, env_id)
        assert acked.ack_payload == {"text": "ok"} and acked.ack_seconds is not None
        assert acked.ack_seconds < 1
        await ws.send_str(json.dumps({"envelope_id": env_id}))  # a second ack
        await ws.send_str(json.dumps({"envelope_id": "nope"}))
        await asyncio.sleep(0.1)
    stats = sock.stats()
    assert stats.duplicate_acks == 1 and stats.unknown_acks == 1 and stats.unacked == 0
    # a link URL is good for one connection
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await session.ws_connect(url)


async def test_unacked_event_is_redelivered_with_retry_fields(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(open_url(sock)) as ws:
        await receive(ws)
        body = event_callback_body(message_event("hi", "U1", "C1", "1.1"), "Ev1")
        env_id = await asyncio.to_thread(sock.event, body)
        first = await receive(ws)
        assert first["retry_attempt"] == 0 and first["accepts_response_payload"] is False
        again = await receive(ws)  # not acked within ack_timeout
        assert again["envelope_id"] != env_id and again["payload"]["event_id"] == "Ev1"
        assert again["retry_attempt"] == 1 and again["retry_reason"] == "timeout"
        await ws.send_str(json.dumps({"envelope_id": again["envelope_id"]}))
        assert (await asyncio.to_thread(sock.wait_ack, env_id)).retry_attempt == 1
    assert [d.retry_attempt for d in sock.attempts(env_id)] == [0, 1]
    assert sock.stats().redeliveries == 1


async def test_late_slash_command_times_out_without_redelivery(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(open_url(sock)) as ws:
        await receive(ws)
        env_id = await asyncio.to_thread(sock.slash_command, "x", "U1", "C1")
        await receive(ws)
        await asyncio.sleep(0.5)
        await ws.send_str(json.dumps({"envelope_id": env_id}))
        await asyncio.sleep(0.1)
    [only] = sock.attempts(env_id)
    assert only.timed_out and only.ack_seconds is not None and only.ack_seconds > 0.3


async def test_disconnect_then_new_link_gets_the_envelopes(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    old = await session.ws_connect(open_url(sock))
    await receive(old)
    assert await asyncio.to_thread(sock.refresh) == [1]
    bye = await receive(old)
    assert bye == {
        "type": "disconnect",
        "reason": "refresh_requested",
        "debug_info": {"host": "fake-socket-1"},
    }
    # Sent while no link is up: it waits for the next one instead of being lost.
    env_id = await asyncio.to_thread(sock.slash_command, "x", "U1", "C1")
    async with session.ws_connect(open_url(sock)) as new:
        assert (await receive(new))["type"] == "hello"
        assert (await receive(new))["envelope_id"] == env_id
        await new.send_str(json.dumps({"envelope_id": env_id}))
        assert (await asyncio.to_thread(sock.wait_ack, env_id)).ack_connection == 2
    # the old link is closed by the fake after close_grace
    msg = await asyncio.wait_for(old.receive(), 5)
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    await old.close()
    assert sock.stats().reconnects == 1


async def test_a_leaving_link_can_be_kept_in_use_until_a_new_one_is_up(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    sock.send_on_leaving_links = True
    async with session.ws_connect(open_url(sock)) as old:
        await receive(old)
        await asyncio.to_thread(sock.refresh)
        assert (await receive(old))["type"] == "disconnect"
        env_id = await asyncio.to_thread(sock.slash_command, "x", "U1", "C1")
        assert (await receive(old))["envelope_id"] == env_id  # no other link yet
        async with session.ws_connect(open_url(sock)) as new:
            await receive(new)
            later = await asyncio.to_thread(sock.slash_command, "y", "U1", "C1")
            assert (await receive(new))["envelope_id"] == later  # the new link is preferred
            # an ack on either link counts
            await old.send_str(json.dumps({"envelope_id": env_id}))
            await new.send_str(json.dumps({"envelope_id": later}))
            assert (await asyncio.to_thread(sock.wait_ack, env_id)).ack_connection == 1
            assert (await asyncio.to_thread(sock.wait_ack, later)).ack_connection == 2


async def test_an_envelope_in_flight_on_the_leaving_link_comes_after_the_new_hello(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(open_url(sock)) as old:
        await receive(old)
        env_id = await asyncio.to_thread(sock.slash_command, "x", "U1", "C1", in_flight=True)
        await asyncio.to_thread(sock.refresh)
        assert (await receive(old))["type"] == "disconnect"
        async with session.ws_connect(open_url(sock)) as new:
            assert (await receive(new))["type"] == "hello"
            assert (await receive(old))["envelope_id"] == env_id  # on the old link
            await new.send_str(json.dumps({"envelope_id": env_id}))  # acked on the new one
            assert (await asyncio.to_thread(sock.wait_ack, env_id)).ack_connection == 2
        assert sock.attempts(env_id)[0].connection == 1


async def test_an_envelope_in_flight_on_a_link_the_app_closed_is_lost(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    old = await session.ws_connect(open_url(sock))
    await receive(old)
    env_id = await asyncio.to_thread(sock.slash_command, "x", "U1", "C1", in_flight=True)
    await asyncio.to_thread(sock.refresh)
    assert (await receive(old))["type"] == "disconnect"
    await old.close()  # the app leaves before its new link is up
    async with session.ws_connect(open_url(sock)) as new:
        assert (await receive(new))["type"] == "hello"
        await asyncio.to_thread(sock.wait_settled)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(new.receive(), 0.2)  # not sent again on the new link
    [only] = sock.attempts(env_id)
    assert only.timed_out and only.acked_at is None and only.connection == 1
    assert sock.stats().unacked == 1


async def test_an_envelope_in_flight_can_come_on_both_links(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(open_url(sock)) as old:
        await receive(old)
        env_id = await asyncio.to_thread(
            sock.slash_command, "x", "U1", "C1", in_flight=True, also_on_new_link=True
        )
        await asyncio.to_thread(sock.refresh)
        await receive(old)
        async with session.ws_connect(open_url(sock)) as new:
            await receive(new)
            assert (await receive(old))["envelope_id"] == env_id
            assert (await receive(new))["envelope_id"] == env_id
            for ws in (old, new):
                await ws.send_str(json.dumps({"envelope_id": env_id}))
            await asyncio.to_thread(sock.wait_ack, env_id)
            await asyncio.sleep(0.1)
    assert len(sock.attempts(env_id)) == 1 and sock.stats().duplicate_acks == 1


async def test_a_lost_ack_is_not_recorded(
    sock: FakeSocketMode, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(open_url(sock)) as ws:
        await receive(ws)
        body = event_callback_body(message_event("hi", "U1", "C1", "1.1"), "Ev2")
        env_id = await asyncio.to_thread(sock.event, body, None, True)
        await receive(ws)
        await ws.send_str(json.dumps({"envelope_id": env_id}))  # lost on the way
        again = await receive(ws)
        assert again["retry_attempt"] == 1
    assert sock.attempts(env_id)[0].acked_at is None
