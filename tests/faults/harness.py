"""The fault suite's world: a private PostgreSQL cluster, two real `writeoff serve --http`
replicas on it, and the local Slack and QuickBooks fakes shared by both.

The cluster is started by the test (initdb into a temporary folder, a free loopback port,
fsync off: a crash of the test machine is not a fault under test) and removed afterwards.
As root, initdb and postgres run as the `postgres` user (PostgreSQL refuses root).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg

from tests.fakes.qbo_api import CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, FakeQbo
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import SIGNING_SECRET, headers

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "fault-suite-secret-key-for-tokens"
REPORTER = "U0WORKER"
# One approver per click of a burst, so that every answer can be traced to its click.
APPROVERS = tuple(f"U0CTRL{i:02d}" for i in range(30))
CHANNEL = "C0WAREHOUSE"
ALERTS = "C0ALERTS"


def pg_bin() -> Path | None:
    """The folder holding initdb, or None where PostgreSQL's server binaries are missing."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(versions[0]).parent if versions else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1:<free port>."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="writeoff-faults-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.dir / "log"),
            "-o",
            options,
            "-w",
            *extra,
            action,
        )

    def start(self) -> None:
        self._pg_ctl("start")

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every open connection is cut."""
        self._pg_ctl("restart", "-m", "fast")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    def create_database(self, name: str) -> str:
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


def app_env(db_url: str, slack: FakeSlack, qbo: FakeQbo) -> dict[str, str]:
    """What `writeoff serve --http` needs: the database, the fakes, the approvers."""
    return {
        "DATABASE_URL": db_url,
        "SLACK_BOT_TOKEN": slack.token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.api_url,
        "WRITEOFF_APPROVERS": ",".join(APPROVERS),
        "WRITEOFF_CHANNELS": CHANNEL,
        "WRITEOFF_ALERT_CHANNEL": ALERTS,
        "WRITEOFF_SYNC_INTERVAL": "5",
        "QBO_CLIENT_ID": CLIENT_ID,
        "QBO_CLIENT_SECRET": CLIENT_SECRET,
        "QBO_REDIRECT_URI": REDIRECT_URI,
        "QBO_API_URL": qbo.api_base,
        "QBO_AUTH_URL": qbo.auth_url,
        "QBO_TOKEN_URL": qbo.token_url,
        "QBO_REVOKE_URL": qbo.revoke_url,
        "WRITEOFF_SECRET_KEY": SECRET_KEY,
        "LOG_LEVEL": "WARNING",
    }


@dataclass
class Replica:
    """One `writeoff serve --http` process."""

    name: str
    env: dict[str, str]
    workdir: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.port = free_port()
        self.starts += 1
        log = open(self.workdir / f"{self.name}-{self.starts}.log", "wb")  # noqa: SIM115
        env = {**os.environ, **self.env, "PYTHONPATH": str(ROOT)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "serve",
                "--http",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            cwd=self.workdir,  # no .env of the developer's is read
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"replica {self.name} exited: see {self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"replica {self.name} did not start: {self.log_tail()}")

    def log_tail(self) -> str:
        path = self.workdir / f"{self.name}-{self.starts}.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def kill9(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def post(self, body: str, timeout: float = 5.0) -> bool:
        """A signed request as Slack sends it; True when acknowledged (HTTP 200)."""
        try:
            resp = httpx.post(
                f"{self.url}/slack/events",
                content=body,
                headers=headers(SIGNING_SECRET, body),
                timeout=timeout,
            )
        except httpx.HTTPError:
            return False
        return resp.status_code == 200


@dataclass
class Click:
    entry_id: int
    user: str
    replica: str
    acked: bool


@dataclass
class Counts:
    """One scenario's figures, for the closing note."""

    scenario: str
    clicks: int = 0
    acked: int = 0
    posted: int = 0
    still_draft: int = 0
    pushed: int = 0
    duplicates: int = 0
    stale_cards: int = 0
    misleading_answers: int = 0
    refreshes: int | None = None
    stuck_claims: int = 0  # claims found idle after the burst (a dead or failed pass's)
    seconds: float = 0.0
    phases: tuple[float, float] = (0.0, 0.0)  # seconds: the clicks, then settling
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        extra = f", token refreshes {self.refreshes}" if self.refreshes is not None else ""
        return (
            f"{self.scenario}: clicks {self.clicks} (acked {self.acked}), posted {self.posted}, "
            f"still draft {self.still_draft}, pushed {self.pushed}, duplicates "
            f"{self.duplicates}, stale cards {self.stale_cards}, misleading answers "
            f"{self.misleading_answers}, idle claims {self.stuck_claims}{extra} "
            f"({self.seconds:.1f} s: clicks {self.phases[0]:.1f}, settling {self.phases[1]:.1f})"
        )

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "problems"}
