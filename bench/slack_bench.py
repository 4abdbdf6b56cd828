"""Slack benchmark: 50 concurrent /writeoff commands against `writeoff serve --http`.

The server is the real command in its own process; Slack's side is the local fake Web API
(it timestamps every call, so "card posted" is measured where Slack would see it). Run once
with the offline drafter and once with a fake Claude that takes 2 s per answer: then the card
is still posted from the offline reading at once, and "updated" is the time until Claude's
second reading has updated it in place (chat.update).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from tests.fakes.anthropic_api import serve_fake_anthropic, slow, tool_answer
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import SIGNING_SECRET, headers, slash_command_body

N = 50
TEXT_ONE = "40 units obsolete SKU-12 at $15"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cards(fake: FakeSlack, count: int, timeout: float) -> list[Any]:
    """The cards posted (not the thread replies asking a reporter for more)."""
    deadline = time.monotonic() + timeout
    while True:
        cards = [c for c in fake.calls("chat.postMessage") if not c.args.get("thread_ts")]
        if len(cards) >= count or time.monotonic() > deadline:
            return cards
        time.sleep(0.05)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _run(env_extra: dict[str, str], label: str, *, updates: bool = False) -> dict[str, Any]:
    with FakeSlack() as fake, tempfile.TemporaryDirectory() as tmp:
        port = _port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.db'}",
            "SLACK_BOT_TOKEN": fake.token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.api_url,
            "WRITEOFF_APPROVERS": "U0CTRL",
            **env_extra,
        }
        env.pop("SLACK_APP_TOKEN", None)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "serve",
                "--http",
                "--port",
                str(port),
                "--host",
                "127.0.0.1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start")
                time.sleep(0.1)

            # One client with a connection each: building a client per request costs more
            # CPU (TLS context) than the request, and would be measured as server latency.
            client = httpx.Client(limits=httpx.Limits(max_connections=N + 5), timeout=30)
            bodies = [
                slash_command_body(
                    f"{i + 1} units obsolete SKU-{i} at $15",
                    "U0WORKER",
                    f"C{i:04d}",
                    fake.response_url(),
                    fake.new_trigger_id(),
                )
                for i in range(N)
            ]
            signed = [headers(SIGNING_SECRET, b) for b in bodies]

            def one(i: int) -> tuple[float, float]:
                t0 = time.time()
                resp = client.post(f"{base}/slack/events", content=bodies[i], headers=signed[i])
                resp.raise_for_status()
                return t0, time.time() - t0

            with httpx.Client() as warm:  # one request first: imports, caches, the pool
                body = slash_command_body(
                    "1 unit SKU-0 damaged at $1",
                    "U0W",
                    "CWARM",
                    fake.response_url(),
                    fake.new_trigger_id(),
                )
                warm.post(
                    f"{base}/slack/events",
                    content=body,
                    headers=headers(SIGNING_SECRET, body),
                    timeout=30,
                )
                fake.wait_for("chat.postMessage", 1, timeout=30)
                if updates:
                    fake.wait_for("chat.update", 1, timeout=30)
                # One report alone: what a person sees when the bot is not busy.
                body = slash_command_body(
                    TEXT_ONE, "U0W", "CONE", fake.response_url(), fake.new_trigger_id()
                )
                t_one = time.time()
                warm.post(
                    f"{base}/slack/events",
                    content=body,
                    headers=headers(SIGNING_SECRET, body),
                    timeout=30,
                )
                one_card = fake.wait_for("chat.postMessage", 2, timeout=30)[1].at - t_one
                one_updated = (
                    fake.wait_for("chat.update", 2, timeout=30)[1].at - t_one if updates else None
                )
            with ThreadPoolExecutor(max_workers=N) as pool:
                results = list(pool.map(one, range(N)))
            calls = _cards(fake, N + 2, timeout=60)
            posted_at = {c.args["channel"]: c.at for c in calls}
            acks = [lat * 1000 for _, lat in results]
            cards = [(posted_at[f"C{i:04d}"] - t0) * 1000 for i, (t0, _) in enumerate(results)]
            updated: dict[str, float] = {}
            if updates:
                for c in fake.wait_for("chat.update", N + 2, timeout=120):
                    updated.setdefault(c.args["channel"], c.at)
            later = [
                (updated[f"C{i:04d}"] - t0) * 1000
                for i, (t0, _) in enumerate(results)
                if f"C{i:04d}" in updated
            ]
            extra = (
                {
                    "updated_card_p50_ms": round(_pct(later, 50), 1),
                    "updated_card_p99_ms": round(_pct(later, 99), 1),
                }
                if later
                else {}
            )
            single = {"single_card_ms": round(one_card * 1000, 1)}
            if one_updated is not None:
                single["single_updated_card_ms"] = round(one_updated * 1000, 1)
            return {
                "label": label,
                **single,
                "requests": N,
                "ack_p50_ms": round(_pct(acks, 50), 1),
                "ack_p99_ms": round(_pct(acks, 99), 1),
                "card_p50_ms": round(_pct(cards, 50), 1),
                "card_p99_ms": round(_pct(cards, 99), 1),
                "card_mean_ms": round(statistics.mean(cards), 1),
                **extra,
            }
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def run() -> list[dict[str, Any]]:
    out = [_run({}, "offline drafter")]
    with serve_fake_anthropic() as claude:
        entry = {
            "category": "loss",
            "reason": "obsolete",
            "sku": "SKU-1",
            "quantity": "1",
            "unit": "units",
            "unit_cost": "15",
            "total": None,
            "new_unit_value": None,
            "reduction_per_unit": None,
            "location": None,
            "debit_account": "5000",
            "credit_account": "1200",
        }
        claude.script(slow(tool_answer([entry]), 2.0))
        out.append(
            _run(
                {"ANTHROPIC_API_KEY": claude.api_key, "ANTHROPIC_BASE_URL": claude.url},
                "Claude taking 2 s",
                updates=True,
            )
        )
    return out
