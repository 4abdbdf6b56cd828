"""Who may decide: user ids and user groups from WRITEOFF_APPROVERS and the approval matrix
(WRITEOFF_APPROVAL_RULES, WRITEOFF_DUAL_APPROVAL_FROM), with segregation of duties (a
reporter, or whoever changed a draft's lines, does not approve it alone).

Group membership comes from a resolver the front end supplies (Slack's usergroups.users.list),
cached here, so the rule itself knows nothing about Slack.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.settings import Settings
from ledger.money import format_money

log = logging.getLogger(__name__)
GROUP_CACHE_SECONDS = 300.0

GroupMembers = Callable[[str], frozenset[str]]


def no_groups(_group: str) -> frozenset[str]:
    return frozenset()


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


@dataclass(frozen=True)
class Tier:
    """From `amount` on, the ids (users U…, groups S…) who may approve."""

    amount: Decimal
    ids: frozenset[str]


@dataclass(frozen=True)
class Draft:
    """What the approval rules need to know about a draft."""

    reporter: str | None
    amount: Decimal = Decimal(0)
    preparers: tuple[str, ...] = ()  # who changed its lines or amounts
    exceptions: tuple[str, ...] = ()  # lines that break the policy
    approvals: tuple[str, ...] = ()  # first approvals already given (dual approval)


def who(ids: Iterable[str]) -> str:
    """Ids as Slack mentions, users then groups (the refusal and card text)."""
    ordered = sorted(ids, key=lambda i: (i.startswith("S"), i))
    return " or ".join(f"<!subteam^{i}>" if i.startswith("S") else f"<@{i}>" for i in ordered)


class Approvers:
    """Who may decide. `ids` (WRITEOFF_APPROVERS) approve any amount unless `tiers` are given
    (WRITEOFF_APPROVAL_RULES): then the highest tier an amount reaches says who may approve
    it, an approver of a higher tier may approve what lower tiers may, and the ids of the
    tiers (and `ids`) are approvers for everything else (edit, reject, reverse, reports).
    From `dual_from` on two different approvers of the tier are needed."""

    def __init__(
        self,
        ids: Iterable[str],
        members_of: GroupMembers = no_groups,
        *,
        allow_self_approval: bool = False,
        cache_seconds: float = GROUP_CACHE_SECONDS,
        tiers: Sequence[Tier] = (),
        dual_from: Decimal | None = None,
        currency: str = "USD",
    ) -> None:
        self.currency = currency
        self.tiers = tuple(sorted(tiers, key=lambda t: t.amount))
        ids = frozenset(ids).union(*(t.ids for t in self.tiers))
        self.users = frozenset(i for i in ids if not i.startswith("S"))
        self.groups = frozenset(i for i in ids if i.startswith("S"))
        self.members_of = members_of
        self.allow_self_approval = allow_self_approval
        self.dual_from = dual_from
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

    def is_member(self, user: str, ids: Iterable[str]) -> bool:
        """`user` is one of `ids` or in one of its user groups."""
        ids = frozenset(ids)
        if user in ids:
            return True
        return any(user in self._group_members(g) for g in ids if g.startswith("S"))

    def is_approver(self, user: str) -> bool:
        return self.is_member(user, self.users | self.groups)

    def tier_of(self, amount: Decimal) -> Tier | None:
        """The highest tier `amount` reaches (None: no tiers, or below the first one)."""
        reached = [t for t in self.tiers if amount >= t.amount]
        return reached[-1] if reached else None

    def tier_ids(self, amount: Decimal) -> frozenset[str]:
        """Who may approve `amount`: its tier and every higher one (all approvers: no tier)."""
        tier = self.tier_of(amount)
        if tier is None:
            return self.users | self.groups
        return frozenset().union(*(t.ids for t in self.tiers if t.amount >= tier.amount))

    def approvals_needed(self, amount: Decimal) -> int:
        return 2 if self.dual_from is not None and amount >= self.dual_from else 1

    def may_decide(
        self, user: str, reporter: str | None, action: str = "approve", draft: Draft | None = None
    ) -> Decision:
        draft = draft or Draft(reporter)
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
        if action != "approve":
            return Decision(True)
        if reporter == user and not self.allow_self_approval:
            return Decision(
                False,
                "You reported this write-off, so someone else must approve "
                "it (segregation of duties).",
            )
        if user in draft.preparers and draft.exceptions:
            return Decision(
                False,
                "You changed this draft and it breaks the policy, so another approver must "
                "accept the exceptions.",
            )
        if user in draft.preparers and not self.allow_self_approval:
            return Decision(
                False,
                "You changed this draft's lines, so another approver must approve it "
                "(segregation of duties).",
            )
        if self.tiers and not self.is_member(user, self.tier_ids(draft.amount)):
            tier = self.tier_of(draft.amount)
            floor = (
                f" of {format_money(tier.amount, self.currency)} or more"
                if tier and tier.amount > 0
                else ""
            )
            return Decision(
                False,
                f"Write-offs{floor} need an approver from "
                f"{who(self.tier_ids(draft.amount))}; you are not in that tier.",
            )
        if user in draft.approvals:
            return Decision(
                False,
                "You approved this already; it needs a second, different approver.",
            )
        return Decision(True)


def approvers_from(settings: Settings, members_of: GroupMembers = no_groups) -> Approvers:
    """The approval rules the settings describe."""
    return Approvers(
        settings.approvers,
        members_of,
        allow_self_approval=settings.writeoff_allow_self_approval,
        tiers=[Tier(amount, frozenset(ids)) for amount, ids in settings.approval_tiers],
        dual_from=settings.writeoff_dual_approval_from,
        currency=settings.writeoff_currency,
    )
