"""The Socket Mode client's old links, in process against the Socket Mode fake: a link Slack
asked the app to leave is read until Slack closes it, or closed by the app once its grace is
over, and shutting down closes every link, the one being drained included."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.socket_mode import DrainingClient
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_socket import FakeSocketMode

SLACK_CLOSES_AFTER = 30.0  # the fake's close_grace: longer than any test here waits


@pytest.fixture
def sock() -> Iterator[FakeSocketMode]:
    with FakeSlack() as web, FakeSocketMode(web, close_grace=SLACK_CLOSES_AFTER) as fake:
        yield fake


def acking_client(sock: FakeSocketMode, drain_seconds: float) -> DrainingClient:
    web_client = AsyncWebClient(base_url=sock.web_api.api_url)
    client = DrainingClient(
        app_token=sock.app_token, web_client=web_client, drain_seconds=drain_seconds
    )

    async def ack(c: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:
        await c.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))

    client.socket_mode_request_listeners.append(ack)
    return client


async def until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met"
        await asyncio.sleep(0.02)


async def refresh_with_one_in_flight(sock: FakeSocketMode) -> tuple[int, str]:
    """Slack asks the app to move while a slash command is on its way on the old link;
    returns the old link's id once the envelope is acknowledged."""
    env = await asyncio.to_thread(sock.slash_command, "x", "U1", "C1", in_flight=True)
    [old] = await asyncio.to_thread(sock.refresh)
    await asyncio.to_thread(sock.wait_connected, 2)
    assert (await asyncio.to_thread(sock.wait_ack, env)).connection == old
    return old, env


async def test_the_app_closes_a_drained_link_once_its_grace_is_over(
    sock: FakeSocketMode,
) -> None:
    client = acking_client(sock, drain_seconds=0.5)
    try:
        await client.connect()
        await asyncio.to_thread(sock.wait_connected)
        old, _ = await refresh_with_one_in_flight(sock)
        # closed by the app, long before Slack would have closed it
        await until(lambda: not sock.connections()[old - 1].open)
        await until(lambda: not client._leaving)  # its task and link are let go
        assert [c.open for c in sock.connections()] == [False, True]
    finally:
        await client.close()
    await until(lambda: not any(c.open for c in sock.connections()))


async def test_shutting_down_closes_the_link_being_drained_too(sock: FakeSocketMode) -> None:
    client = acking_client(sock, drain_seconds=SLACK_CLOSES_AFTER)
    try:
        await client.connect()
        await asyncio.to_thread(sock.wait_connected)
        await refresh_with_one_in_flight(sock)
        assert [c.open for c in sock.connections()] == [True, True]  # still draining
    finally:
        await client.close()
    await until(lambda: not any(c.open for c in sock.connections()))
    assert not client._leaving and sock.stats().unacked == 0
