"""Property test (issue 9): a pack's count said again in brackets ("a gross (144) of X", "2
dozen (24) X", "3 cs (36) X" with 12 to a case) is the same count, read once; a different
number in the brackets is not explained away. Messages are composed from parts, the truth
known by construction.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COSTS = {"SKU-12": Decimal("1.50"), "LB/CHERRY": Decimal("0.42")}
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
PACKS = [("a dozen", 12), ("2 dozen", 24), ("half a dozen", 6), ("a gross", 144),
         ("3 dozen", 36)]  # fmt: skip
REASONS = ["expired", "crushed", "spoiled"]


@SETTINGS
@given(
    pack=st.sampled_from(PACKS),
    sku=st.sampled_from(sorted(COSTS)),
    reason=st.sampled_from(REASONS),
    of=st.booleans(),
)
def test_a_count_said_again_in_brackets_is_read_once(
    pack: tuple[str, int], sku: str, reason: str, of: bool
) -> None:
    words, n = pack
    text = f"{words} ({n}) {'of ' if of else ''}{sku} {reason}"
    (d,) = draft(text, CTX)
    assert d.quantity == n and d.amount == COSTS[sku] * n, (text, d)


@SETTINGS
@given(
    pack=st.sampled_from(PACKS),
    other=st.integers(2, 500),
    sku=st.sampled_from(sorted(COSTS)),
    reason=st.sampled_from(REASONS),
)
def test_a_different_number_in_brackets_is_not_explained_away(
    pack: tuple[str, int], other: int, sku: str, reason: str
) -> None:
    words, n = pack
    if other == n:
        return
    text = f"{words} ({other}) of {sku} {reason}"
    try:
        drafts = draft(text, CTX)
    except DraftError:
        return
    for d in drafts:
        assert d.confidence < 0.9, (text, d)
