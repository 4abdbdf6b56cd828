"""The approval rules on their own (bot/services/roles.py): tiers, preparers, dual approval."""

from __future__ import annotations

from decimal import Decimal as D

from bot.services.roles import Approvers, Draft, Tier

RULES = [
    Tier(D("500.00"), frozenset({"U0CTRL"})),
    Tier(D("10000.00"), frozenset({"U0CFO", "S0FIN"})),
]


def rules(**kw: object) -> Approvers:
    members = {"S0FIN": frozenset({"U0FINLEAD"})}
    return Approvers(["U0CLERK"], members.__getitem__, tiers=RULES, **kw)  # type: ignore[arg-type]


def test_the_highest_tier_reached_decides_and_higher_tiers_may_approve_lower() -> None:
    a = rules()
    assert a.may_decide("U0CLERK", "U0W", draft=Draft("U0W", D("499.99"))).allowed
    assert not a.may_decide("U0CLERK", "U0W", draft=Draft("U0W", D("500.00"))).allowed
    assert a.may_decide("U0CTRL", "U0W", draft=Draft("U0W", D("9999.99"))).allowed
    assert not a.may_decide("U0CTRL", "U0W", draft=Draft("U0W", D("10000.00"))).allowed
    for user in ("U0CFO", "U0FINLEAD"):  # by id and through the group
        assert a.may_decide(user, "U0W", draft=Draft("U0W", D("10000.00"))).allowed
        assert a.may_decide(user, "U0W", draft=Draft("U0W", D("600.00"))).allowed
    # Everyone named is an approver for the rest (edit, reject), whatever the amount.
    assert a.may_decide("U0CLERK", "U0W", "edit", Draft("U0W", D("50000"))).allowed
    assert not a.may_decide("U0NOBODY", "U0W", "edit", Draft("U0W", D("1"))).allowed


def test_preparers_and_exceptions() -> None:
    a = rules(allow_self_approval=True)
    edited = Draft("U0W", D("600.00"), preparers=("U0CTRL",))
    assert a.may_decide("U0CTRL", "U0W", draft=edited).allowed  # self-approval allowed
    broke = Draft("U0W", D("600.00"), preparers=("U0CTRL",), exceptions=("1000 Cash …",))
    refusal = a.may_decide("U0CTRL", "U0W", draft=broke)
    assert not refusal.allowed and "breaks the policy" in refusal.reason
    assert not rules().may_decide("U0CTRL", "U0W", draft=edited).allowed


def test_dual_approval_from_an_amount() -> None:
    a = rules(dual_from=D("5000.00"))
    assert a.approvals_needed(D("4999.99")) == 1 and a.approvals_needed(D("5000.00")) == 2
    once = Draft("U0W", D("6000.00"), approvals=("U0CTRL",))
    assert not a.may_decide("U0CTRL", "U0W", draft=once).allowed
    assert a.may_decide("U0CFO", "U0W", draft=once).allowed


def test_a_group_lookup_that_fails_approves_nobody_from_it() -> None:
    def broken(_group: str) -> frozenset[str]:
        raise RuntimeError("slack down")

    a = Approvers([], broken, tiers=RULES)
    assert not a.may_decide("U0FINLEAD", "U0W", draft=Draft("U0W", D("20000"))).allowed
    assert a.may_decide("U0CFO", "U0W", draft=Draft("U0W", D("20000"))).allowed
