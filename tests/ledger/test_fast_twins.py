"""The reader's patterns run in ASCII mode on plain text (fast.Twin): on text of ASCII and the
reader's marks an ASCII twin finds exactly what its pattern finds, \\s included (Unicode \\s
also takes \\x1c-\\x1f), and text with other characters is read by the pattern itself."""

from __future__ import annotations

import importlib
import pkgutil
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledger.drafting.reading as reading
from ledger.drafting import offline
from ledger.drafting.reading.fast import Twin, _gated_source, ascii_twin

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reader_patterns() -> list[re.Pattern[str]]:
    modules = [offline] + [
        importlib.import_module(f"{reading.__name__}.{m.name}")
        for m in pkgutil.iter_modules(reading.__path__)
    ]
    found = []
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Twin):
                found.append(value._uni)
    return found


PATTERNS = _reader_patterns()
_OTHER = ("\x1c", "\x1f", "\ue000", "\ue001", "\ue002")
# plain text: ASCII (the four separators Unicode reads as spaces among it) and the marks
PLAIN = st.text(
    alphabet=st.sampled_from(
        [*"abcdefghijklmnopqrstuvwxyzSKUABC0123456789 .,:;-/$#()x@%'\n\t", *_OTHER]
    ),
    max_size=60,
)
WORDS = st.lists(
    st.sampled_from(
        [
            "12",
            "SKU-12",
            "damaged",
            "case",
            "of",
            "\x1c",
            "$15",
            "each",
            "3",
            "pallets",
            "short",
            "x",
            "20 ft",
            "w/o",
            "\ue000",
            "\ue002 2022",
            "dz",
            "reserve",
            "1/2",
            "stolen",
            "bin 4",
            "lost",
        ]
    ),
    max_size=12,
).map(" ".join)


def test_every_reader_pattern_is_a_twin() -> None:
    assert len(PATTERNS) > 300


# messages of the reader's own kinds, with the separators Unicode reads as spaces put in
SAMPLES = [
    "40 units obsolete SKU-12 at $15",
    "9 cases of \ue000 crushed at the dock,\x1c$18.75 each",
    "Write down \ue000 from $22 to $15 per unit,\x1f80 units on hand",
    "received 40 SKU-12\x1cbut 4 were cracked; bin 4\x1c3 short",
    "est 60 SKU-12 ruined\x1d\x1ethink theyre leaking, 2 bolts (15 yd/bolt)",
    "cycle count:\x1cSKU-77 up 2, lost in transit\x1cno trace, w/o pls",
    # (a code the item list knows stands as \ue002 while the masks run)
    "8 leftover 2022 \ue002\ue002\ue002\ue002 torn, the 2019 \ue002\ue002 at 1420 Oak St",
]


def test_every_twin_finds_what_its_pattern_finds_on_the_samples() -> None:
    for pattern in PATTERNS:
        twin = ascii_twin(pattern) or pattern
        for text in SAMPLES:
            ours = [(m.span(), m.groups()) for m in twin.finditer(text)]
            theirs = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert ours == theirs, (pattern.pattern[:80], text)


@SETTINGS
@given(text=st.one_of(PLAIN, WORDS), pick=st.integers(0, 10_000))
def test_a_twin_finds_what_its_pattern_finds_on_plain_text(text: str, pick: int) -> None:
    pattern = PATTERNS[pick % len(PATTERNS)]
    twin = ascii_twin(pattern) or pattern
    ours = [(m.span(), m.groups()) for m in twin.finditer(text)]
    theirs = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert ours == theirs, (pattern.pattern[:80], text)


def test_text_with_other_characters_is_read_by_the_pattern_itself() -> None:
    # "×" and "é" are not plain: the Unicode pattern reads them ("é" is a word character)
    twin = Twin(re.compile(r"\b\w+\b"))
    assert [m.group(0) for m in twin.finditer("café 3×4")] == ["café", "3", "4"]
    assert [m.group(0) for m in twin.finditer("cafe 3x4")] == ["cafe", "3x4"]


def test_the_warm_up_builds_the_twins_a_message_uses() -> None:
    """The server drafts one message at start (warm_up), so the first report does not wait
    while the twins are built."""
    from ledger.drafting import warm_up

    warm_up()
    assert offline._MASK_ALL._ascii is not None  # type: ignore[attr-defined]


def test_a_twin_gated_by_its_first_characters_finds_the_same_matches() -> None:
    # the twin tries a position only when its character can start a match; a verbose
    # pattern ending in a comment, a \s and a \w among the first characters keep their matches
    pattern = re.compile(
        r"""(?<!x)(?:\s+and\s+|\w+-\d+|[@$]\s?\d+)  # a joint, a code, a price""",
        re.IGNORECASE | re.VERBOSE,
    )
    gate = _gated_source(pattern)
    assert gate is not None and gate.startswith("(?=[")
    twin_ = ascii_twin(pattern)
    assert twin_ is not None
    for text in ("SKU-12 and \x1cand 4", "x and y, @ 12, $3", "ab-12\ue000 AND  cd", ""):
        assert [m.span() for m in twin_.finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]
