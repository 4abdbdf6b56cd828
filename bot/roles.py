"""Who may approve: Slack user ids and user groups from WRITEOFF_APPROVERS, with
segregation of duties (a reporter does not approve their own write-off)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)
GROUP_CACHE_SECONDS = 300.0


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


class Approvers:
    def __init__(
        self,
        client: WebClient,
        ids: frozenset[str],
        *,
        allow_self_approval: bool = False,
        cache_seconds: float = GROUP_CACHE_SECONDS,
    ) -> None:
        self.client = client
        self.users = frozenset(i for i in ids if not i.startswith("S"))
        self.groups = frozenset(i for i in ids if i.startswith("S"))
        self.allow_self_approval = allow_self_approval
        self.cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()

    def _group_members(self, group: str) -> frozenset[str]:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(group)
            if hit and now - hit[0] < self.cache_seconds:
                return hit[1]
        try:
            resp = self.client.usergroups_users_list(usergroup=group)
            members = frozenset(resp.get("users") or [])
        except SlackApiError as exc:
            log.warning("could not resolve user group %s: %s", group, exc.response.get("error"))
            members = frozenset()
        with self._lock:
            self._cache[group] = (now, members)
        return members

    def is_approver(self, user: str) -> bool:
        if user in self.users:
            return True
        return any(user in self._group_members(g) for g in self.groups)

    def may_decide(self, user: str, reporter: str | None, action: str = "approve") -> Decision:
        if not self.users and not self.groups:
            return Decision(
                False,
                "No approvers are configured yet: an admin sets "
                "WRITEOFF_APPROVERS to controllers' Slack user or group ids.",
            )
        if not self.is_approver(user):
            return Decision(
                False,
                f"Only approvers can {action} write-offs. Ask a controller to review this one.",
            )
        if action == "approve" and reporter == user and not self.allow_self_approval:
            return Decision(
                False,
                "You reported this write-off, so someone else must approve "
                "it (segregation of duties).",
            )
        return Decision(True)
