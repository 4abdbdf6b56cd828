"""Property tests (issue 9): five kinds of language seen in realistic messages, composed from
parts with the truth known by construction.

- A bound or threshold ("anything over $1,000 needs sign-off", "under $50 each", "more than
  10") is no amount: beside a plain write-off a sure draft is exactly the write-off, and a
  bound on the count itself leaves the draft doubtful.
- A report asked for in shorthand ("pls send the w/o totals for oct") is no write-off.
- A figure after a reference label ("job 4471", "docket 88", "unit 7") is never the count.
- Quality words ("bad batch", "failed QC", "mislabeled") name a loss.
- Slack emphasis (*bold*, _italic_, `code`) is stripped and struck text (~~10~~) is not read.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.drafting import DraftError, ItemInfo, draft
from tests.ledger.conftest import make_context

COSTS = {
    "SKU-12": Decimal("15.00"),
    "CHR-009": Decimal("96.00"),
    "MLK-2L": Decimal("2.10"),
    "TV-55X": Decimal("389.00"),
}
CTX = make_context(items={s: ItemInfo(s, s, c) for s, c in COSTS.items()})
SURE = 0.9
DOUBTFUL = 0.5
REASONS = ["damaged", "crushed", "expired", "torn", "smashed", "cracked"]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _drafts(text: str) -> list:
    try:
        return draft(text, CTX)
    except DraftError:
        return []


def _sure_means_right(text: str, sku: str, count: int) -> None:
    for d in _drafts(text):
        if d.confidence >= SURE:
            assert (d.sku, d.quantity, d.amount) == (sku, Decimal(count), COSTS[sku] * count), text


# -- bounds -------------------------------------------------------------------------------------

MONEY_BOUNDS = [
    "anything over ${n} needs sign-off",
    "anything under ${n} I can approve",
    "over ${n} needs a photo",
    "under ${n} each",
    "no more than ${n} each",
    "worth over ${n}",
    "at least ${n}",
    "max ${n}",
    "less than ${n} each",
    "above ${n} goes to the controller",
    "over {n} units needs a police report",
    "each under ${n}",
    ">${n} needs approval",
    "anything above ${n} goes to Dana",
]
COUNT_BOUNDS = ["more than", "fewer than", "at least", "up to", "minimum", "a max of", "over"]


@SETTINGS
@given(
    sku=st.sampled_from(sorted(COSTS)),
    count=st.integers(min_value=1, max_value=60),
    reason=st.sampled_from(REASONS),
    bound=st.sampled_from(MONEY_BOUNDS),
    n=st.sampled_from([2, 5, 50, 100, 200, 250, 1000, "1,000", "2,500"]),
    first=st.booleans(),
    sep=st.sampled_from([", ", " - ", ". ", "; ", ": "]),
)
def test_a_bound_beside_a_write_off_is_no_amount(
    sku: str, count: int, reason: str, bound: str, n: object, first: bool, sep: str
) -> None:
    plain = f"{count} {sku} {reason}"
    clause = bound.format(n=n)
    text = f"{clause}{sep}{plain}" if first else f"{plain}{sep}{clause}"
    drafts = _drafts(text)
    _sure_means_right(text, sku, count)
    assert all(d.confidence < SURE for d in drafts), text  # the bound is said on the card


@SETTINGS
@given(
    sku=st.sampled_from(sorted(COSTS)),
    count=st.integers(min_value=2, max_value=60),
    reason=st.sampled_from(REASONS),
    bound=st.sampled_from(COUNT_BOUNDS),
)
def test_a_bound_on_the_count_is_doubtful(sku: str, count: int, reason: str, bound: str) -> None:
    if bound == "over":
        bound = "anything over"
        text = f"{count} {sku} {reason}, {bound} {count - 1} needs sign-off"
        _sure_means_right(text, sku, count)
        return
    text = f"{bound} {count} {sku} {reason}"
    assert all(d.confidence < DOUBTFUL for d in _drafts(text)), text


# -- shorthand report requests ------------------------------------------------------------------

ASKS = [
    "pls send",
    "can u pull",
    "need",
    "can i get",
    "lemme see",
    "got",
    "send me",
    "any chance of",
]
NOUNS = ["the w/o totals", "the numbers", "a report", "the figures", "the damage numbers",
         "the breakage report", "a summary", "the totals", "the theft numbers",
         "the damage log"]  # fmt: skip
TOPICS = ["", " for SKU-12", " of damages", " for expired milk", " on stolen stock", " for TV-55X"]
PERIODS = ["", " for oct", " ytd", " this month", " last week", " for q3", " by sku"]
FILTERS = ["", " over 200", " over $500", " above $1,000"]


@SETTINGS
@given(
    ask=st.sampled_from(ASKS),
    noun=st.sampled_from(NOUNS),
    topic=st.sampled_from(TOPICS),
    period=st.sampled_from(PERIODS),
    filt=st.sampled_from(FILTERS),
    mark=st.sampled_from(["", "?", " pls"]),
)
def test_a_shorthand_report_request_is_no_write_off(
    ask: str, noun: str, topic: str, period: str, filt: str, mark: str
) -> None:
    text = f"{ask} {noun}{topic}{filt}{period}{mark}"
    with pytest.raises(DraftError):
        draft(text, CTX)


# -- reference labels ---------------------------------------------------------------------------

LABELS = ["job", "job #", "ticket", "ref", "order #", "RMA", "case no.", "case #", "docket",
          "unit", "incident report", "PO", "load", "case number"]  # fmt: skip


@SETTINGS
@given(
    label=st.sampled_from(LABELS),
    ref=st.integers(min_value=10, max_value=9999),
    sku=st.sampled_from(sorted(COSTS)),
    count=st.integers(min_value=1, max_value=60),
    reason=st.sampled_from(REASONS),
    where=st.sampled_from(
        ["{ref}: {plain}", "{ref} - {plain}", "{plain}, {ref}", "{plain} ({ref})"]
    ),
)
def test_a_figure_after_a_reference_label_is_never_the_count(
    label: str, ref: int, sku: str, count: int, reason: str, where: str
) -> None:
    text = where.format(ref=f"{label} {ref}", plain=f"{count} {sku} {reason}")
    _sure_means_right(text, sku, count)
    for d in _drafts(text):
        assert d.quantity != Decimal(ref) or ref == count, text
        assert any(f"{ref}' as a reference" in e for e in d.explanation), text  # explained


# -- quality words ------------------------------------------------------------------------------

QUALITY = ["bad batch", "failed QC", "failed qa", "out of spec", "off-spec", "contaminated",
           "mislabeled", "mislabelled", "wrong label", "substandard", "tainted", "defective",
           "manufacturing defect", "rejected lot", "not to spec", "cross contaminated",
           "data transfer damage", "out of tolerance", "misbranded", "underfilled"]  # fmt: skip


@SETTINGS
@given(
    word=st.sampled_from(QUALITY),
    sku=st.sampled_from(["SKU-12", "CHR-009", "MLK-2L"]),
    count=st.integers(min_value=1, max_value=9),
    shape=st.sampled_from(["{n} {sku} {w}", "{w}: {n} {sku}", "{n} x {sku} - {w}"]),
)
def test_quality_words_name_a_loss(word: str, sku: str, count: int, shape: str) -> None:
    text = shape.format(n=count, sku=sku, w=word)
    drafts = _drafts(text)
    assert drafts, text
    assert all(d.category is not None and d.category.value == "loss" for d in drafts), text
    _sure_means_right(text, sku, count)


# -- Slack markup -------------------------------------------------------------------------------

MARKS = ["", "*", "_", "`"]


@SETTINGS
@given(
    sku=st.sampled_from(sorted(COSTS)),
    count=st.integers(min_value=1, max_value=60),
    old=st.integers(min_value=1, max_value=60),
    reason=st.sampled_from(REASONS),
    m1=st.sampled_from(MARKS),
    m2=st.sampled_from(MARKS),
    m3=st.sampled_from(MARKS),
    strike=st.sampled_from(["", "~{o}~ ", "~~{o}~~ "]),
)
def test_markup_is_stripped_and_struck_text_is_not_read(
    sku: str, count: int, old: int, reason: str, m1: str, m2: str, m3: str, strike: str
) -> None:
    text = f"{strike.format(o=old)}{m1}{count}{m1} {m2}{sku}{m2} {m3}{reason}{m3}"
    drafts = _drafts(text)
    _sure_means_right(text, sku, count)
    assert drafts and all(d.quantity == Decimal(count) for d in drafts), text
