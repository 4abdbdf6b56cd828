"""Property tests (issue 9): a fresh company's item list has codes of shapes the reader has
never seen ("MON27-4K", "88-4201", "CBL/HDMI2", "CHG65W", "PH-A54-BLK", "TV-55Q8"). A code the
list knows, typed in any case, with or without its separators, is the SKU: its digits are
never the count, the price, a size, a time or a pack ("dropped a MON27-4K" is no 4,000; "12
CHG65W" is no 65 watts). And a code-like token the list does not know beside one it does is
not guessed away. Messages are composed from parts with the truth known by construction:
a draft scored 0.9 or more is exactly right.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from ledger.drafting import Draft, DraftError, ItemInfo, draft, offline
from ledger.money import quantize
from ledger.policy import Category, Policy, decide_accounts
from tests.ledger.conftest import make_context

POLICY = Policy()
SURE = 0.9
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- item codes of realistic shapes --------------------------------------------------------------

_LETTERS = "ABCDEFGHKLMNPRSTVWXZ"
_WORDISH = ["MON", "LT", "TV", "SB", "MW", "CHG", "PH", "REF", "WS", "VAC", "CBL", "HDMI", "BLK",
            "SLV", "PRO", "SS", "WHT", "GRY", "MAX", "LED", "USB", "KIT", "CS", "EA"]  # fmt: skip
# suffixes that read like a unit, a size or a pack on their own
_UNITISH = ["4K", "8K", "65W", "100W", "2L", "5L", "16GB", "256GB", "1TB", "55IN", "27IN", "12V",
            "500ML", "10KG", "6PK", "12OZ", "3M", "2X", "4X4", "XL"]  # fmt: skip
_letters = st.one_of(st.sampled_from(_WORDISH), st.text(_LETTERS, min_size=2, max_size=4))
_digits = st.integers(0, 9999).map(str) | st.sampled_from(["0925", "007", "01"])


@st.composite
def item_codes(draw: st.DrawFn) -> str:
    """MON27-4K, LT14-SLV, 88-4201, CBL/HDMI2, TV-55Q8, SB7720, MW-0925, CHG65W, PH-A54-BLK,
    REF-3312-SS, WS16-PRO, VAC-22: letters, digits, dashes and slashes, digit first or not."""
    shape = draw(st.integers(0, 8))
    sep = draw(st.sampled_from(["-", "-", "-", "/"]))
    a, d = draw(_letters), draw(_digits)
    if shape == 0:  # SB7720, CHG65W
        code = a + draw(st.one_of(_digits, st.sampled_from(_UNITISH)))
    elif shape == 1:  # VAC-22, MW-0925
        code = a + sep + d
    elif shape == 2:  # MON27-4K, WS16-PRO
        code = a + d + sep + draw(st.one_of(st.sampled_from(_UNITISH), _letters))
    elif shape == 3:  # 88-4201 (never "88/4201": digits either side of "/" are a date)
        code = str(draw(st.integers(1, 99))) + "-" + d
    elif shape == 4:  # CBL/HDMI2
        code = a + sep + draw(_letters) + draw(st.integers(1, 9).map(str))
    elif shape == 5:  # PH-A54-BLK
        code = a + sep + draw(st.sampled_from(_LETTERS)) + d + sep + draw(_letters)
    elif shape == 6:  # REF-3312-SS
        code = a + sep + d + sep + draw(_letters)
    elif shape == 7:  # TV-55Q8
        code = a + sep + d + draw(st.sampled_from(_LETTERS)) + draw(st.integers(0, 9).map(str))
    else:  # 4K-MON27, 65W-CHG: a unit-like part first
        code = draw(st.sampled_from(_UNITISH)) + sep + a + draw(st.integers(0, 99).map(str))
    return code


def _key(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


@st.composite
def item_lists(draw: st.DrawFn) -> dict[str, Decimal]:
    """Two to five codes, no two alike once typed without separators, none a plain word."""
    codes = draw(st.lists(item_codes(), min_size=2, max_size=5, unique_by=_key))
    costs = st.integers(100, 250_000).map(lambda c: Decimal(c) / 100)
    return {code: draw(costs) for code in codes}


def typed(code: str, how: int) -> str:
    """The code as a person types it: as listed, in lower case, without its separators, with
    spaces for them ("ph a54 blk", "chg 65w")."""
    if how == 1:
        return code.lower()
    if how == 4 and code[0].isalpha():
        parts = re.split(r"[-/]", code)
        if len(parts) == 1:
            split = re.fullmatch(r"([A-Z]+)(\d\w*[A-Z]\w*)", code)
            parts = list(split.groups()) if split else parts
        return " ".join(parts).lower()
    joined = code.replace("-", "").replace("/", "")
    if how == 2 and not joined.isdigit():  # "884201" would be a number: not a code typed so
        return joined
    if how == 3 and not joined.isdigit():
        return joined.lower()
    return code


# -- messages ------------------------------------------------------------------------------------

REASONS = ["broken", "smashed", "cracked", "dented", "crushed", "shattered", "damaged"]
PRICES = ["", " at ${p}", " ${p} each", " @ ${p}", ", ${p} ea"]
FILLER = ["", " this morning", " yesterday", " in aisle 4", " at dock 3", " between 2 and 4pm",
          " around 3pm", " on the 3rd", " on tuesday", " on the 2nd shift", " at 7 this morning",
          ", found at 10:30", " in bay 12", " last week", " from the 14:00 delivery"]  # fmt: skip
SHAPES = [
    "{q} {code} {r}{price}{f}",
    "{r}: {q} {code}{price}{f}",
    "{code} x {q} {r}{price}{f}",
    "{q} x {code} {r}{price}{f}",
    "{q} of the {code} {r}{price}{f}",
    "{code}: {q} {r}{price}{f}",
    "{r} {q} {code}{f}{price}",
    "w/o {q} {code} pls, {r}{price}{f}",
]


def _check(drafts: list[Draft], sku: str, quantity: int, amount: Decimal, text: str) -> None:
    for d in drafts:
        if d.confidence < SURE:
            continue
        assert len(drafts) == 1, f"{text!r}: {len(drafts)} drafts"
        assert d.sku == sku, f"{text!r}: SKU {d.sku} != {sku}"
        assert d.quantity == quantity, f"{text!r}: quantity {d.quantity} != {quantity}"
        assert d.amount == quantize(amount), f"{text!r}: amount {d.amount} != {amount}"
        accounts = decide_accounts(Category.LOSS, quantize(amount), POLICY)
        lines = {(ln.account, ln.debit > 0) for ln in d.lines}
        assert lines == {(accounts.debit, True), (accounts.credit, False)}, f"{text!r}: {d.lines}"


def _draft(text: str, costs: dict[str, Decimal]) -> list[Draft]:
    ctx = make_context(items={s: ItemInfo(s, "item", c) for s, c in costs.items()})
    try:
        return draft(text, ctx)
    except DraftError:
        return []


@SETTINGS
@given(
    costs=item_lists(),
    pick=st.integers(0, 4),
    how=st.integers(0, 4),
    shape=st.sampled_from(SHAPES),
    quantity=st.integers(1, 60),
    reason=st.sampled_from(REASONS),
    price=st.sampled_from(PRICES),
    stated=st.integers(100, 90_000).map(lambda c: Decimal(c) / 100),
    filler=st.sampled_from(FILLER),
)
def test_a_code_the_item_list_knows_is_the_sku_and_never_a_number(
    costs: dict[str, Decimal],
    pick: int,
    how: int,
    shape: str,
    quantity: int,
    reason: str,
    price: str,
    stated: Decimal,
    filler: str,
) -> None:
    sku = sorted(costs)[pick % len(costs)]
    text = shape.format(
        q=quantity, code=typed(sku, how), r=reason, price=price.format(p=stated), f=filler
    )
    unit = stated if price else costs[sku]
    _check(_draft(text, costs), sku, quantity, unit * quantity, text)


@SETTINGS
@given(costs=item_lists(), pick=st.integers(0, 4), quantity=st.integers(1, 60), r=st.data())
def test_a_sure_draft_names_the_known_code(
    costs: dict[str, Decimal], pick: int, quantity: int, r: st.DataObject
) -> None:
    """Every confident reading of a message naming one known code has that code, in any case
    and whatever the other codes of the list look like."""
    sku = sorted(costs)[pick % len(costs)]
    reason = r.draw(st.sampled_from(REASONS))
    text = f"{quantity} {typed(sku, r.draw(st.integers(0, 4)))} {reason}"
    _check(_draft(text, costs), sku, quantity, costs[sku] * quantity, text)


# an unknown code that starts with a reference's or a place's label is that reference or place
# ("REF0", "PO-4471", "BAY-12", "DC4", "PEN-0": an animal pen), not goods; the places are the
# reader's own list, so the two never drift apart
LABELS = re.compile(
    # ("RA-0925": a return authorization's number, a reference as an RMA's is)
    r"(?:ref|po|wo|so|inv|rma|ra|rtv|grn|asn|bol|awb|tkt|ext|trk|lot|case|job|bay|bin|row|dc|wh|dock"
    r"|aisle|rack|zone|site|room|area|lane|gate|slot|cell|tier|lvl|level|door|cage|yard|dk|ln|loc"
    # (a route's number: "RT-0" is route 0, as "rt 9")
    rf"|rt|rte|hwy|{offline._LOC_HEAD})"
    # ("REF/0", "PO/12": a label and its number after a slash, as "police ref CR/88123")
    r"[-/]?\d|[a-z]-?\d",
    re.IGNORECASE,
)
UNKNOWN_BESIDE = [
    "{q} {code} and {other} {r}",
    "{q} {code} {r}, {other} too",
    "{q} {code}/{other} {r}",
    "{code} {other} x {q} {r}",
    "{q} {code} {r} (or was it {other}?)",
]


# found by hypothesis in round 245: a code in capitals with a reference's shape, "TAG100"
# (and "REF100", "REF-3312-SS" beside it), was masked as a reference, drafted at 0.97
@example(
    costs={"MON-0": Decimal("1"), "LT0": Decimal("1")},
    other="TAG100",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"MON-0": Decimal("1"), "LT0": Decimal("1")},
    other="REF-3312-SS",
    pick=0,
    shape="{code} {other} x {q} {r}",
    quantity=1,
    reason="broken",
)
# found by CI: a reference label glued into a code ("65W-REF0") hid the code, drafted at 0.97;
# and one dashed onto letters ("REF-MON1") was read as a reference, not as a code; and a code
# of capitals only ("MONXL") was taken for a word
@example(
    costs={"MON0": Decimal("1"), "MON1": Decimal("1")},
    other="MON-0X0",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
# ... and a size mask read the "0X0" of "MON/0X0" as 0 by 0 (found by CI, 2026-12-04)
@example(
    costs={"2-0925": Decimal("1"), "AA1": Decimal("333.56")},
    other="MON/0X0",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"MON0": Decimal("1"), "MON1": Decimal("1")},
    other="1-1990",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"MON0": Decimal("1"), "1-0": Decimal("1")},
    other="MON/1",
    pick=0,
    shape="{code} {other} x {q} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"AA0925/AA": Decimal("1"), "1-0925": Decimal("277.05")},
    other="MONXL",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"MON0": Decimal("1"), "MON1": Decimal("1")},
    other="REF/MON1",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"MON0": Decimal("1"), "MON1": Decimal("1")},
    other="REF-MON1",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    # ("REG0", glued, was masked as a till's number)
    costs={"TV0": Decimal("1"), "TV1": Decimal("1")},
    other="REG0",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    # ("RA-100", three figures, was masked as a vendor's return authorisation)
    costs={"2-0925": Decimal("1"), "AA1": Decimal("333.56")},
    other="RA-100",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    # (a label glued to figures and a suffix, "TAG0925-4K", was masked as a tag's number)
    costs={"MON0": Decimal("1"), "MON1": Decimal("1")},
    other="TAG0925-4K",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@example(
    costs={"MON0": Decimal("1"), "MON1": Decimal("1")},
    other="65W-REF0",
    pick=0,
    shape="{q} {code} and {other} {r}",
    quantity=1,
    reason="broken",
)
@SETTINGS
@given(
    costs=item_lists(),
    other=item_codes(),
    pick=st.integers(0, 4),
    shape=st.sampled_from(UNKNOWN_BESIDE),
    quantity=st.integers(1, 60),
    reason=st.sampled_from(REASONS),
)
def test_an_unknown_code_beside_a_known_one_is_not_guessed_away(
    costs: dict[str, Decimal], other: str, pick: int, shape: str, quantity: int, reason: str
) -> None:
    """A code-like token the list does not know beside one it knows: another item, a typo
    of one, or the same item by another name? The reader does not guess: below 0.9."""
    assume(_key(other) not in {_key(c) for c in costs} and not LABELS.match(other))
    sku = sorted(costs)[pick % len(costs)]
    text = shape.format(q=quantity, code=sku, other=other, r=reason)
    for d in _draft(text, costs):
        assert d.confidence < SURE, f"{text!r}: {d.confidence} ({d.sku})"


# -- beside the code: shares, packs, times, and goods said to be fine -----------------------------

SHARES = {"1/2": (1, 2), "1/4": (1, 4), "3/4": (3, 4), "1/3": (1, 3), "2/3": (2, 3)}
ODD_SHARES = ["2/5", "3/5", "3/8", "5/6", "7/10"]


@SETTINGS
@given(
    costs=item_lists(),
    pick=st.integers(0, 4),
    share=st.sampled_from(sorted(SHARES)),
    times=st.integers(1, 10),
    the=st.sampled_from(["", "the ", "those "]),
    reason=st.sampled_from(REASONS),
)
def test_a_share_in_figures_of_a_count_of_known_goods_is_that_share(
    costs: dict[str, Decimal], pick: int, share: str, times: int, the: str, reason: str
) -> None:
    """'3/4 of the 16 VAC-22 returns are broken' is 12 (it drafted all 16: '3/4' was 3 April)."""
    sku = sorted(costs)[pick % len(costs)]
    a, b = SHARES[share]
    whole = b * times * 2
    text = f"{share} of {the}{whole} {sku} {reason}"
    quantity = whole * a // b
    _check(_draft(text, costs), sku, quantity, costs[sku] * quantity, text)


@SETTINGS
@given(
    costs=item_lists(),
    pick=st.integers(0, 4),
    share=st.sampled_from(ODD_SHARES),
    whole=st.integers(2, 90),
    reason=st.sampled_from(REASONS),
)
def test_a_share_the_reader_has_no_word_for_is_never_sure(
    costs: dict[str, Decimal], pick: int, share: str, whole: int, reason: str
) -> None:
    sku = sorted(costs)[pick % len(costs)]
    text = f"{share} of the {whole} {sku} {reason}"
    for d in _draft(text, costs):
        assert d.confidence < SURE, f"{text!r}: {d.confidence} (q {d.quantity})"


@SETTINGS
@given(
    costs=item_lists(),
    pick=st.integers(0, 4),
    pallets=st.integers(1, 6),
    cases=st.integers(2, 40),
    each=st.integers(2, 48),
    reason=st.sampled_from(["water damaged", "crushed", "damaged", "smashed"]),
)
def test_pallets_of_cases_of_known_goods_count_the_pieces(
    costs: dict[str, Decimal], pick: int, pallets: int, cases: int, each: int, reason: str
) -> None:
    """'2 pallets of VAC-22, 12 cs per pallet, 20 per case' is 480 pieces."""
    sku = sorted(costs)[pick % len(costs)]
    unit = "pallet" if pallets == 1 else "pallets"
    text = f"{pallets} {unit} of {sku}, {cases} cs per pallet, {each} per case, {reason}"
    quantity = pallets * cases * each
    _check(_draft(text, costs), sku, quantity, costs[sku] * quantity, text)


FINE = ["all good, no damage", "nothing broken", "none damaged", "zero damage", "no damage",
        "all good - no damage", "no breakage"]  # fmt: skip
ARRIVED = ["received {n} {code} on PO {po}, {fine}", "{n} {code} came in today, {fine}",
           "restocked {n} {code}, {fine}", "received {n} {code}, {fine}",
           "got {n} {code} in from the supplier, {fine}"]  # fmt: skip
ASKED = ["did the {n} {code} from yesterday get approved?",
         "were the {n} {code} written off already?",
         "has the {n} {code} one been posted?"]  # fmt: skip


@SETTINGS
# found in a local run (2026-12-04): a code's letters read as a reason ("WET-0", "WET/0": wet)
@example(
    costs={"WS0": Decimal("1"), "WET-0": Decimal("1")},
    pick=0,
    shape="received {n} {code} on PO {po}, {fine}",
    n=1,
    po=10000,
    fine="all good, no damage",
    how=0,
)
@example(
    costs={"WS0": Decimal("1"), "WET/0": Decimal("1")},
    pick=0,
    shape="received {n} {code} on PO {po}, {fine}",
    n=1,
    po=10000,
    fine="all good, no damage",
    how=0,
)
@given(
    costs=item_lists(),
    pick=st.integers(0, 4),
    shape=st.sampled_from(ARRIVED + ASKED),
    n=st.integers(1, 200),
    po=st.integers(10_000, 99_999),
    fine=st.sampled_from(FINE),
    how=st.integers(0, 4),
)
def test_goods_arrived_fine_or_a_question_about_them_is_no_write_off(
    costs: dict[str, Decimal], pick: int, shape: str, n: int, po: int, fine: str, how: int
) -> None:
    """'received 40 VAC-22 on PO 55120, all good, no damage' (drafted a loss of 40) and 'did
    the 3 VAC-22 from yesterday get approved?' ask for no write-off."""
    sku = sorted(costs)[pick % len(costs)]
    text = shape.format(n=n, code=typed(sku, how), po=po, fine=fine)
    assert _draft(text, costs) == [], text


SPECS = ["5G", "1080p", "25cu ft", "16GB", "65W", "4K", "27in", "i7", "2TB", "12V", "500ml"]


@SETTINGS
@given(
    costs=item_lists(),
    pick=st.integers(0, 4),
    spec=st.sampled_from(SPECS),
    goods=st.sampled_from(["phones", "units", "fridges", "monitors", ""]),
    quantity=st.integers(1, 60),
    reason=st.sampled_from(REASONS),
    price=st.sampled_from(PRICES),
    stated=st.integers(100, 90_000).map(lambda c: Decimal(c) / 100),
)
def test_a_spec_beside_a_known_code_is_never_the_count_or_the_price(
    costs: dict[str, Decimal],
    pick: int,
    spec: str,
    goods: str,
    quantity: int,
    reason: str,
    price: str,
    stated: Decimal,
) -> None:
    """'2 PH-A54-BLK 5G phones cracked' drafted $10.00 (5 read as the price)."""
    sku = sorted(costs)[pick % len(costs)]
    # (a price that is the count times the list's cost reads as their total, by its own rule:
    # "30 MON1 ... at $900" of MON1 at $30)
    assume(not price or stated != quantity * costs[sku])
    text = f"{quantity} {sku} {spec} {goods} {reason}{price.format(p=stated)}"
    unit = stated if price else costs[sku]
    _check(_draft(" ".join(text.split()), costs), sku, quantity, unit * quantity, text)


@SETTINGS
@given(
    costs=item_lists(),
    other=item_codes(),
    quantity=st.integers(1, 60),
    reason=st.sampled_from(REASONS),
    price=st.sampled_from(PRICES[1:]),
    stated=st.integers(100, 90_000).map(lambda c: Decimal(c) / 100),
)
@example(  # found by hypothesis in CI: "WK1" of the code had been masked as a week's number
    costs={"MON0": Decimal(1), "MON-1": Decimal(1)},
    other="WK-WK1",
    quantity=1,
    reason="broken",
    price=", ${p} ea",
    stated=Decimal(1),
)
def test_a_code_the_item_list_does_not_know_is_never_sure(
    costs: dict[str, Decimal],
    other: str,
    quantity: int,
    reason: str,
    price: str,
    stated: Decimal,
) -> None:
    """'5 SB7721 broken at $129 each' with SB7720 in the list: the SKU typed wrong, or an item
    the list lacks? Either way the card must ask (it drafted no SKU, quoting nothing)."""
    assume(_key(other) not in {_key(c) for c in costs} and not LABELS.match(other))
    text = f"{quantity} {other} {reason}{price.format(p=stated)}"
    for d in _draft(text, costs):
        assert d.confidence < SURE, f"{text!r}: {d.confidence} ({d.sku})"


@pytest.mark.parametrize(
    "text",
    [
        "URGENT: 3 SB7720 smashed",
        "3 SB7720 DAMAGED in transit, ASAP please",
        "3 SB7720 smashed by the FORKLIFT",
        "3 SB7720 DAMADGED",
        "3 SB7720 SMASHED AT DOCK",  # all in capitals: shouted, not codes
    ],
)
def test_words_in_capitals_are_words_not_codes(text: str) -> None:
    """Capitals the reader knows (reason words, their misspellings, shouted words) beside a
    known code are no unknown codes: the draft stays sure."""
    (d,) = _draft(text, {"SB7720": Decimal("12.00"), "MON27": Decimal("99.00")})
    assert d.sku == "SB7720" and d.quantity == 3 and d.confidence >= SURE, d


CHOICES = [
    "{q} {a} or {b} {r}",
    "w/o {q} {a} {r} - or was it {b}? check pls",
    "{q} {a} {r}, or maybe {b}",
]


@example(  # found by a long run: the second choice a part of its own, in capitals only
    costs={"MON0": Decimal("1"), "MONXL": Decimal("1")},
    shape="{q} {a} {r}, or maybe {b}",
    quantity=1,
    reason="broken",
)
@example(  # found by a long run: a code of capitals only as the second choice
    costs={"MON0": Decimal("1"), "MONXL": Decimal("1")},
    shape="{q} {a} or {b} {r}",
    quantity=1,
    reason="broken",
)
@SETTINGS
@given(
    costs=item_lists(),
    shape=st.sampled_from(CHOICES),
    quantity=st.integers(1, 60),
    reason=st.sampled_from(REASONS),
)
def test_two_codes_left_as_a_choice_are_doubtful(
    costs: dict[str, Decimal], shape: str, quantity: int, reason: str
) -> None:
    """'3 A or B broken': which item? The writer does not say, so no draft is trusted."""
    a, b = sorted(costs)[:2]
    text = shape.format(q=quantity, a=a, b=b, r=reason)
    for d in _draft(text, costs):
        assert d.confidence < 0.5, f"{text!r}: {d.confidence} ({d.sku})"
