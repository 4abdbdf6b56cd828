"""The HTTP server under every fake: 127.0.0.1, an ephemeral port, a background thread, and a
stop that returns at once.

`socketserver.serve_forever` notices `shutdown()` only at its next poll (0.5 s by default),
and every test that starts a fake paid that at teardown. This loop also watches a wake-up
socket, so `stop()` ends it immediately; requests still in flight run on daemon threads
and are not waited for (a fake that hangs on purpose must not hold up the test run).
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
