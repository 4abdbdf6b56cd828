"""Who may decide: user ids and user groups from WRITEOFF_APPROVERS, with segregation of
duties (a reporter does not approve their own write-off).

Group membership comes from a resolver the front end supplies (Slack's usergroups.users.list),
cached here, so the rule itself knows nothing about Slack.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)
GROUP_CACHE_SECONDS = 300.0

GroupMembers = Callable[[str], frozenset[str]]


def no_groups(_group: str) -> frozenset[str]:
    return frozenset()


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


class Approvers:
    def __init__(
        self,
        ids: Iterable[str],
        members_of: GroupMembers = no_groups,
        *,
        allow_self_approval: bool = False,
        cache_seconds: float = GROUP_CACHE_SECONDS,
    ) -> None:
        ids = frozenset(ids)
        self.users = frozenset(i for i in ids if not i.startswith("S"))
        self.groups = frozenset(i for i in ids if i.startswith("S"))
        self.members_of = members_of
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
            members = self.members_of(group)
        except Exception:  # a lookup failure must not approve anyone: nobody from the group
            log.warning("could not resolve user group %s", group, exc_info=True)
            members = frozenset()
        with self._lock:
            self._cache[group] = (now, members)
        return members

    @property
    def configured(self) -> bool:
        return bool(self.users or self.groups)

    def is_approver(self, user: str) -> bool:
        if user in self.users:
            return True
        return any(user in self._group_members(g) for g in self.groups)

    def may_decide(self, user: str, reporter: str | None, action: str = "approve") -> Decision:
        if not self.configured:
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
