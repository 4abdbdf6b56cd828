"""Signed variance figures from a count sheet: "SKU-12 -3, SKU-77 +6", "variance: -12 WID-200",
"(-4) BX-1042".

On a count sheet the sign is the direction of the difference: minus is a count below the
books (shrinkage), plus a count above them (an overage). Left as typed, "-3" is a negative
quantity the reader must refuse. A signed whole number right beside an item code (before or
after it, with at most a ":" or a word such as "variance" between) is rewritten as the
policy's word for the direction ("short x3", "surplus x6"), and the card shows what was read.

Never rewritten: a sign beside money ("-$45"), a sign with no code beside it (the reader
still refuses the negative figure), and a line that tells another story (damage, theft, a
write-down: "SKU-12 -3 broken" is not a count difference, and stays doubtful).

Without a word saying it is a count (count, variance, adjustment, stock take...) anywhere in
the message, the reading is the likeliest one, not a sure one: it costs enough confidence to
keep the draft below 0.9.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from ledger.drafting.reading.fast import twin_patterns

P_SIGN = 0.03  # a signed figure on a message that says it is a count
P_SIGN_BARE = 0.1  # ... on one that does not: below 0.9

# ("SKU-12", "HAY-H250FDN"; "EL12052", "SPP6": capitals, then figures, no hyphen; a letter and
# one figure, "A1", is a place)
_CODE = (
    # ("VAL70.951 +5": a paint's number with its point)
    r"(?-i:[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]+)+|[A-Z]{2,4}\d[A-Z0-9]{0,9}(?:\.\d+)?"
    r"|[A-Z]\d[A-Z0-9]{1,9})"
    r"(?![\w-])"
)
_LABEL = (
    r"(?:variance|var\.?|adj\.?|adjustment|adjusted|diff\.?|difference|delta|discrepancy"
    r"|qty|count\s+diff)"
)
_SIGNED = (
    r"(?P<open>\(\s*)?(?<![\w$.,/+\-])(?P<sign>[-+])(?P<n>\d{1,6})(?![\d.,]\d|[\w%$/])(?:\s*\))?"
)
# the code, then the signed figure: "SKU-12 -3", "SKU-12: -3", "SKU-12 variance -3"
_AFTER_CODE = re.compile(
    # ("HB-2270 whitestrips -2": a word of the goods' name left between)
    # ("SKU-12, +7 vs system": a comma after the code)
    # ("SM-IOMAG-LNS cycle ct -3": the count written short)
    rf"(?<![\w-])(?P<code>{_CODE})(?:\s+(?:[a-z]{{3,}}|ct)){{0,2}}?\s*[:=,]?\s*"
    rf"(?:{_LABEL}\s*[:=]?\s*)?"
    rf"{_SIGNED}",
    re.IGNORECASE,
)
# the signed figure, then the code: "-12 WID-200", "(-4) BX-1042", "+6 x SKU-77"
_BEFORE_CODE = re.compile(
    # ("count variance -7 on BIT-100PC": the code the figure is on)
    # ("aisle 2 recount: +10 bx GL-NTR6-XL": the count's own unit between)
    rf"{_SIGNED}\s*(?:x\s*)?(?:(?:units?|pcs|pieces?|ea|each|cs|cases?|bx|box(?:es)?|bags?"
    rf"|packs?|pks?|rolls?|pairs?|prs|sets?|bottles?|btls?|cans?)\s+(?:of\s+)?)?"
    rf"(?:(?:on|for)\s+)?"
    rf"(?<![\w-])(?P<code>{_CODE})",
    re.IGNORECASE,
)
_COUNT_WORDS = re.compile(
    r"\b(?:count(?:ed|s|ing)?|recount|cycle|stock\s*-?\s*take|stocktake|inventory\s+check"
    r"|variances?|var|adj(?:ust(?:ment|ed|s)?)?|discrepanc(?:y|ies)|audit|sheet|books?|system"
    r"|on\s+hand|shrink(?:age)?|overages?|differences?|diffs?)\b",
    re.IGNORECASE,
)
# "cycle count zone F: up 12 FT-SPL-ASST", "count: SKU-12 down 3": the way word beside a code
# and its figure, on a count, is the figure's sign ("+12", "-3")
_UP_DOWN = re.compile(
    # (not "came up 5 X light": the count came up, the way said after)
    rf"(?<![\w-])(?<!came\s)(?<!come\s)(?<!comes\s)(?<!coming\s)"
    # (nor a verb's "up": "chalk up 3 X to shrink", "write down 4 X", "mark down 6 X"; round
    # 283 read "+3", an overage)
    rf"(?<!chalk\s)(?<!chalked\s)(?<!write\s)(?<!wrote\s)(?<!mark\s)(?<!marked\s)"
    rf"(?<!knock\s)(?<!pick\s)(?<!picked\s)(?<!set\s)(?<!put\s)(?<!bump\s)(?<!use\s)"
    rf"(?<!used\s)(?<!tally\s)(?<!add\s)(?<!rack\s)(?<!end\s)(?<!ended\s)"
    rf"(?P<w>up|down)\s+(?=\d{{1,5}}\s+(?:x\s*)?{_CODE})"
    # (the figure alone: not "X up 5 dz over book", a count in its own unit)
    rf"|(?<![\w-])(?P<code>{_CODE})(?P<sep>\s*[:,]?\s+)(?P<v>up|down)\s+"
    rf"(?=\d{{1,5}}(?:\s*$|\s*[,;.)]|\s+(?:vs|on|from|against)\b))",
    re.IGNORECASE,
)
_GATE = re.compile(r"(?<![\w$.,/+\-])[-+]\d")  # a signed figure at all: most messages stop here
_LINE = re.compile(r"[^\n;]+")


@dataclass(frozen=True)
class Signed:
    code: str
    count: int
    short: bool  # minus: the count is below the books

    @property
    def note(self) -> str:
        side = "short (count below the books)" if self.short else "over (count above the books)"
        sign = "-" if self.short else "+"
        return f"Read '{sign}{self.count}' beside {self.code} as {self.count} {side}"


@dataclass(frozen=True)
class Rewritten:
    text: str
    found: tuple[Signed, ...] = ()
    penalty: float = 0.0


def rewrite(
    text: str,
    other_story: Callable[[str], bool] = lambda _: False,
    known: Collection[str] = (),
) -> Rewritten:
    """`text` with each signed figure beside a code turned into "short xN" / "surplus xN".
    `known`: the item list's codes (one of figures only, "512090 -3", is a code too)."""
    if ("-" not in text and "+" not in text) or not _GATE.search(text):
        return Rewritten(text)
    seen, masks = _figure_codes(text, known)
    out: list[str] = []
    found: list[Signed] = []
    last = 0
    for line in _LINE.finditer(seen):
        spans = _spans(line.group(0), line.start())
        if not spans or other_story(line.group(0)):
            continue
        for start, end, sign, n, code, said_end in spans:
            if start < last:
                continue
            out.append(text[last:start])
            count = int(n)
            if count == 0:
                out.append(text[start:end])
            else:
                out.append(("short x" if sign == "-" else "surplus x") + n)
                found.append(Signed(masks.get(code, code), count, sign == "-"))
            out.append(text[end:said_end])
            last = said_end
            after = _NEXT_LINE.match(seen, said_end, line.end())
            if after and count:  # "SKU-12 -3 SKU-77 +6", "-3 SKU-12 / SKU-77 +6": two lines
                out.append("; ")
                last = after.end()
    if not found:
        return Rewritten(text)
    out.append(text[last:])
    sure = _COUNT_WORDS.search(text) is not None
    return Rewritten("".join(out), tuple(found), P_SIGN if sure else P_SIGN_BARE)


_FIGURE_CODE = re.compile(r"(?<![\w$.,/-])\d{4,9}(?![\w.,/-])")


def _figure_codes(text: str, known: Collection[str]) -> tuple[str, dict[str, str]]:
    """`text` with each code of figures only that the item list knows written in the shape
    of a code ("512090" -> "Z12090", same length), and the shapes back to the codes."""
    masks: dict[str, str] = {}
    if not known:
        return text, masks

    def shaped(m: re.Match[str]) -> str:
        code = m.group(0)
        if code not in known:
            return code
        mask = "Z" + code[1:]
        masks[mask] = code
        return mask

    return _FIGURE_CODE.sub(shaped, text), masks


_Span = tuple[int, int, str, str, str, int]
# what follows a code's signed figure when the next code's line starts right after it
_NEXT_LINE = re.compile(rf"[ \t]*(?:[/|][ \t]*)?(?=(?:{_CODE})|\(?\s*[-+]\d)", re.IGNORECASE)


def _spans(line: str, offset: int) -> list[_Span]:
    """(start, end, sign, figure, code, where the code or the figure ends, the later) of each
    signed figure beside a code, in order. A figure two codes could own ("SKU-12 -3 SKU-77")
    is read after the first, unless that code already has its figure ("-3 SKU-12 -2 SKU-77")."""
    found: dict[int, list[tuple[_Span, int]]] = {}
    for pattern in (_AFTER_CODE, _BEFORE_CODE):
        for m in pattern.finditer(line):
            start = m.start("open") if m.group("open") else m.start("sign")
            end = m.end("n")
            if m.group("open"):
                close = line.find(")", end)
                end = close + 1 if close != -1 and not line[end:close].strip() else end
            span = (
                offset + start,
                offset + end,
                m.group("sign"),
                m.group("n"),
                m.group("code"),
                offset + max(end, m.end("code")),
            )
            found.setdefault(start, []).append((span, m.start("code")))
    out: list[_Span] = []
    owned: set[int] = set()  # where the codes that have their figure start
    for start in sorted(found):
        choices = [c for c in found[start] if c[1] not in owned] or found[start]
        span, code_at = choices[0]
        owned.add(code_at)
        out.append(span)
    return out


# "over by 4 on the brake shoes", "over on the wagos by 4 boxes", "count is +6 on the
# lanterns", "we're +10 vs the books": the count over the books, said of our stock (a figure
# follows "by"; "ran over by the forklift" has none)
_OVER_BY = re.compile(
    # (not "run over by 2 trucks", "knocked over by 3 kids": what happened to the goods)
    r"(?<!\brun\s)(?<!\bran\s)(?<!\bruns\s)(?<!running\s)(?<!knocked\s)(?<!tipped\s)"
    r"(?<!rolled\s)(?<!driven\s)(?<!\bdrove\s)(?<!\bblown\s)(?<!\bblew\s)(?<!pushed\s)"
    r"(?:\bover\s+(?=by\s+(?:about\s+)?\d)"
    r"|\bover(?=\s+on\s+(?:the\s+)?[^.,;:!?\n]{1,40}?\s+by\s+(?:about\s+)?\d))"
    r"|\b(?:count(?:'s|\s+is|\s+was)?|we'?re|we\s+are|we\s+were)\s+\+(?=\d)",
    re.IGNORECASE,
)


def over_by(text: str) -> str:
    """`text` with a count said to be over the books ("over by 4", "count is +6") in the
    words the reader reads as an overage ("surplus by 4", "count is surplus 6"); on a count,
    "up 12" / "down 3" right beside a code is its signed difference ("+12", "-3")."""
    if _COUNT_WORDS.search(text) and _UP_DOWN.search(text):
        text = _UP_DOWN.sub(_signed_way, text)
    if "over" not in text.lower() and "+" not in text:
        return text
    return _OVER_BY.sub(
        lambda m: m.group(0).replace("over", "surplus").replace("+", "surplus "), text
    )


def _signed_way(m: re.Match[str]) -> str:
    way = (m.group("w") or m.group("v")).lower()
    sign = "+" if way == "up" else "-"
    return sign if m.group("w") else f"{m.group('code')}{m.group('sep')}{sign}"


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
