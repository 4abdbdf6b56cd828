"""Servers for tests. FakeHTTPServer is the HTTP server under every fake: 127.0.0.1, an
ephemeral port, a background thread, and a stop that returns at once.

`socketserver.serve_forever` notices `shutdown()` only at its next poll (0.5 s by default),
and every test that starts a fake paid that at teardown. This loop also watches a wake-up
socket, so `stop()` ends it immediately; requests still in flight run on daemon threads
and are not waited for (a fake that hangs on purpose must not hold up the test run).
"""

from __future__ import annotations

import asyncio
import contextlib
import selectors
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import uvicorn


class FakeHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # server_close() does not join handler threads

    def __init__(self, handler: type[BaseHTTPRequestHandler], name: str = "fake-http") -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self._wake_r, self._wake_w = socket.socketpair()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def get_request(self) -> tuple[socket.socket, object]:
        # The handler writes the headers and the body as two sends; with Nagle's algorithm
        # the body waits for the client's delayed ACK of the headers (40 ms on Linux) on
        # every keep-alive request. Real services answer at once; so must the fakes.
        conn, addr = super().get_request()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return conn, addr

    def stop(self) -> None:
        """Stop accepting, end the loop now, close the listening socket. Idempotent."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self.server_close()
        self._wake_r.close()
        self._wake_w.close()

    def _serve(self) -> None:
        with selectors.DefaultSelector() as sel:
            sel.register(self, selectors.EVENT_READ)
            sel.register(self._wake_r, selectors.EVENT_READ)
            while not self._stopping.is_set():
                for key, _ in sel.select():
                    if key.fileobj is self and not self._stopping.is_set():
                        # What serve_forever does per ready socket: accept, then a thread.
                        self._handle_request_noblock()


class QuickStopUvicorn(uvicorn.Server):
    """uvicorn.Server for tests, told to stop with `stop()` from any thread.

    Stock uvicorn looks at `should_exit` every 0.1 s; this one is also woken by `stop()`, so
    a test's teardown does not wait for the next tick (it still gets uvicorn's own graceful
    shutdown: listeners closed, open connections asked to finish).
    """

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    def stop(self) -> None:
        self.should_exit = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already closed
                loop.call_soon_threadsafe(wake.set)
