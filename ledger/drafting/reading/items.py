"""SKUs the item list knows, however they are typed: "chr009", "wid-200", "Tv55x", "CHR-009s",
"cbl/hdmi2", "ph a54 blk", "CHG 65W" (spaces for separators, when the code has a digit).

The item list is the best evidence of what a code is: a code it knows is the SKU, written
as the list writes it, its digits are the code's (never a count, a range or a look-alike:
see `hidden`), and a code it does not know beside one it knows is a place or a label when
its letters say so ("BAY-12", "DOCK-4"); any other is quoted on the card, not guessed away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache

from ledger.drafting.reading.fast import twin_patterns

_CODE = re.compile(r"(?<![\w/-])[a-z0-9]+(?:[-_/][a-z0-9]+)*(?![\w/-])", re.IGNORECASE)
_KEY = re.compile(r"[^a-z0-9]")
_DIGIT_GROUPS = re.compile(r"\d{3,}-\d{3,}")
_TWO_GROUPS = re.compile(r"(?<![\w.,$/-])(\d{3,})\s(\d{3,})(?![\w.,/-])")
_CACHE: dict[frozenset[str], dict[str, str]] = {}


def _keys(items: Collection[str]) -> dict[str, str]:
    known = frozenset(items)
    found = _CACHE.get(known)
    if found is None:
        if len(_CACHE) > 16:
            _CACHE.clear()
        # (two codes one key: the plain one first, so the answer never hangs on set order;
        # "TUNA-AHI-1" and "TUNA-AHI-1+")
        found = {}
        for code in sorted(known, key=lambda c: (_ODD_MARK.search(c) is not None, c)):
            found.setdefault(_KEY.sub("", code.lower()), code)
        found.pop("", None)
        _CACHE[known] = found
    return found


# a long number typed in groups ("0 72430 00118 7", "978 0 13 468599 1"): ten digits or more
# ("UPC 0 19962 19303 3, 6 pcs": a comma after it ends the code)
_LONG_DIGITS = re.compile(r"(?<![\w.,$/-])\d{1,6}(?: \d{1,6}){1,5}(?![\w./-]|[.,]\d)")


def _digit_runs(text: str) -> list[str]:
    return [key for m in _LONG_DIGITS.finditer(text) if len(key := _KEY.sub("", m.group(0))) >= 10]


_LAST_WORD = re.compile(r"([a-z][a-z'-]{2,})\s+$", re.IGNORECASE)


def _name_says_figure(before: str, figure: str, names: Mapping[str, str]) -> bool:
    """Whether an item's name has the word said just before `figure` and `figure` itself,
    as words of its own ("Bravecto 1000 mg chew" of "bravecto 1000")."""
    word = _LAST_WORD.search(before[-40:])
    if word is None:
        return False
    said = word.group(1).lower()
    return any(
        said in (tokens := _name_tokens(name)) and figure in tokens for name in names.values()
    )


# (an item list's names are a company's fixed list, asked about again for every message)
@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9'-]+", name.lower()))


# (and typed in two groups: "Sku 55 20418: 3 boxes wet", "sku 5392 02 - 8 refills")
_SKU_DIGITS = re.compile(
    r"\b((?:sku|item|part|p/n)\s*[#:]?\s*)(\d{2,}(?:\s\d{2,})?)\b(?![.,]\d)", re.I
)


def _listed_after_sku(keys: Mapping[str, str]) -> Callable[[re.Match[str]], str]:
    def listed(m: re.Match[str]) -> str:
        digits = m.group(2)
        code = keys.get(digits.replace(" ", "")) if len(digits.replace(" ", "")) >= 4 else None
        if code is None and " " in digits:
            # ("sku 5540118 qty 50": only the first group is the code's)
            first, rest = digits.split(" ", 1)
            code = keys.get(first) if len(first) >= 4 else None
            return m.group(1) + (f"{code} {rest}" if code else digits)
        return m.group(1) + (code or digits)

    return listed


def canonical(text: str, items: Collection[str], names: Mapping[str, str] | None = None) -> str:
    """`text` with every code the item list knows written as the list writes it. `names`:
    the list's names, whose own figures said after one of their words are no code."""
    if not items:
        return text
    known = items if isinstance(items, frozenset) else frozenset(items)
    keys = _keys(known)
    if " " in text and _LONG_DIGITS.search(text) and any(k in keys for k in _digit_runs(text)):
        # "0 72430 00118 7": a UPC typed in its printed groups is the list's code
        text = _LONG_DIGITS.sub(lambda m: keys.get(_KEY.sub("", m.group(0)), m.group(0)), text)

    text = _by_stem_and_size(text, known)
    if _SKU_DIGITS.search(text):
        # ("sku 401120, qty 2" of 40-1120: the code's figures said after the word for a code;
        # rounds 351-354 read "SKU-401120" and found no price)
        text = _SKU_DIGITS.sub(_listed_after_sku(keys), text)
    if " " in text and _TWO_GROUPS.search(text):
        # ("410 122 mozz 2 cs torn" of 410122): a code of figures typed in two groups of
        # three or more, when the list knows the code they make
        text = _TWO_GROUPS.sub(lambda m: keys.get(m.group(1) + m.group(2), m.group(0)), text)

    # ("31025 - 1 bkt leaking", "2104 almonds 5# rancid" of PWT-31025, BK-2104): a code's
    # figures said alone, beside another figure that counts, are the code
    several = len(_FIGURE_RUN.findall(text)) > 1

    marked = _marked_codes(known)

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        if marked and any(len(c) > len(token) and text.startswith(c, m.start()) for c in marked):
            return token  # ("TUNA-AHI-1+": the start of a code the token pattern cuts short)
        if (
            several
            and token.isdigit()
            and len(token) >= 4
            and text[m.start() - 1 : m.start()] != "$"
            and not _COUNTED_AFTER.match(text, m.end())
            # ("bravecto 1000" of "Bravecto 1000 mg chew", beside LRS-1000): a name's figure
            and not (names and _name_says_figure(text[: m.start()], token, names))
        ):
            found = by_digits(token, known)
            if found is not None:
                return found
        code = one(token)
        if code is None and "/" in token:  # "sku-12/sku-410", "w/o": each part on its own
            return "/".join(one(part) or part for part in token.split("/"))
        if code is None and (glued := _GLUED_COUNT.fullmatch(token)):
            return _unglued(glued, one) or token
        return code or token

    def one(token: str) -> str | None:
        if not any(ch.isalpha() for ch in token):
            # "1240", "3/12" are numbers and dates: only the list's own spelling is its code
            # ... but a long code dashed as printed ("978-0-13-521944-7", an ISBN) is the code
            key = _KEY.sub("", token)
            code = keys.get(key)
            # ... and "330-412" of 330412: two groups of three figures or more, no range
            grouped = _DIGIT_GROUPS.fullmatch(token) is not None
            return code if code == token or ("-" in token and (len(key) >= 10 or grouped)) else None
        if not any(ch.isdigit() for ch in token) and not _code_like(token):
            # "Box" is a word even if a code is called BOX; but "lmparc", "teeblkm" are a
            # code of several parts typed together, never a word (no "-": the key is the word)
            code = keys.get(token.lower())
            joined = code is not None and "-" in code and len(token) >= 5
            return code if joined else None
        key = _KEY.sub("", token.lower())
        return (
            keys.get(key)
            or (keys.get(key[:-1]) if key.endswith("s") else None)
            or _by_tail(token, known)
            or _by_head(token, known)
        )

    # the codes typed in all their spaced parts first: "lt 0 aa" of LT-0-AA is no LT0 and
    # "aa", "lt 0925 lt" of LT-0925-LT no CHG0925 by its figures
    firsts = _spaced_forms(known) if " " in text else None
    if firsts:
        text = _respace(text, firsts)
    text = _CODE.sub(fix, text)
    if " " in text:
        text = _SPACED.sub(lambda m: _spaced(m, keys), text)
    return text


# A count glued to a code the list knows: "FRM-AL56-GRYx3", "GLV-NIT-Mx6bx", "3xQO250" (the
# code ends in a letter: "M8x40", "2RW55x3" may be a size of the code's own)
_GLUED_COUNT = re.compile(
    r"(?P<code>[a-z0-9][\w/-]*[a-z])x(?P<n>\d{1,4})(?P<unit>cs|bx|pk|pcs|ea|rl|rls|ctn|ctns"
    r"|cases?|box(?:es)?|packs?|rolls?|bags?)?|(?P<n2>\d{1,4})x(?P<code2>[a-z][\w/-]*)",
    re.IGNORECASE,
)


def _unglued(m: re.Match[str], one: Callable[[str], str | None]) -> str | None:
    """ "FRM-AL56-GRY x3", "GLV-NIT-M x6 bx", "3x QO250": the count apart from the code, when
    the code is the list's; else None."""
    if m.group("code2"):
        code = one(m.group("code2"))
        return None if code is None else f"{m.group('n2')}x {code}"
    code = one(m.group("code"))
    if code is None:
        return None
    unit = m.group("unit")
    return f"{code} x{m.group('n')}" + (f" {unit}" if unit else "")


# A word of a message, where a code typed with spaces may start
_PLAIN_WORD = re.compile(r"(?<![\w/-])[a-z0-9]+(?![\w/-])", re.IGNORECASE)
_SPACED_CACHE: dict[frozenset[str], dict[str, list[tuple[tuple[str, ...], str, bool]]]] = {}
_SEPARATORS = re.compile(r"[-_/]")
_LETTERS_THEN_DIGITS = re.compile(r"([a-z]+)(\d[a-z0-9]*[a-z][a-z0-9]*)", re.IGNORECASE)


def _spaced_forms(known: frozenset[str]) -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """The list's codes as they may be typed with spaces for their separators ("ph a54 blk",
    "cbl hdmi2", "CHG 65W"): first part (lower case) -> [(the other parts, code, whether only
    capitals are the code)]. Never a code whose first part is a number ("88 4201" is two
    numbers; "80C GLS 1218" is a code), or one joined whose second part is only a number
    ("box 12" is no BOX12). A code without a digit is its three or more parts typed in
    capitals only ("TS WHT QT x 6" of TS-WHT-QT; "tee blk m" are words)."""
    found = _SPACED_CACHE.get(known)
    if found is not None:
        return found
    if len(_SPACED_CACHE) > 16:
        _SPACED_CACHE.clear()
    found = {}
    for code in known:
        parts = [p.lower() for p in _SEPARATORS.split(code) if p]
        if len(parts) < 2:
            split = _LETTERS_THEN_DIGITS.fullmatch(code)
            parts = [split.group(1).lower(), split.group(2).lower()] if split else []
        if len(parts) < 2 or parts[0].isdigit():
            continue
        lettered = any(c.isdigit() for c in code)
        if not lettered and len(parts) < 3:
            continue
        found.setdefault(parts[0], []).append((tuple(parts[1:]), code, not lettered))
    for forms in found.values():
        forms.sort(key=lambda f: -len(f[0]))  # longest first: "ph a54 blk" before "ph a54"
    _SPACED_CACHE[known] = found
    return found


def _respace(text: str, firsts: dict[str, list[tuple[tuple[str, ...], str, bool]]]) -> str:
    if not any(w in firsts for w in text.lower().split()):  # cheap: most messages have none
        return text
    words = list(_PLAIN_WORD.finditer(text))
    out: list[str] = []
    at = 0
    i = 0
    while i < len(words):
        forms = firsts.get(words[i].group(0).lower())
        hit = None
        for rest, code, capitals in forms or ():
            n = len(rest)
            following = words[i + 1 : i + 1 + n]
            if (
                len(following) == n
                and all(
                    w.group(0).lower() == part
                    and text[prev.end() : w.start()].strip(" ") == ""
                    and text[prev.end() : w.start()] != ""
                    for prev, w, part in zip([words[i], *following], following, rest, strict=False)
                )
                and not (capitals and not all(w.group(0).isupper() for w in [words[i], *following]))
            ):
                hit = (code, n)
                break
        if hit is None:
            i += 1
            continue
        code, n = hit
        out.append(text[at : words[i].start()])
        out.append(code)
        at = words[i + n].end()
        i += n + 1
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


# "amx 500", "TV 55X": a code typed with a space for its hyphen
# ("sku 12", "item 5" are left to the reader's keywords)
_SPACED = re.compile(
    r"(?<![\w-])(?!(?:skus?|item|part|no|num|qty|x)\b)([a-z]{2,6})[ ](\d[a-z0-9]*)(?![\w-])",
    re.IGNORECASE,
)


def _spaced(m: re.Match[str], keys: dict[str, str]) -> str:
    code = keys.get((m.group(1) + m.group(2)).lower())
    # ("HG 8850" of HG8850: letters typed in capitals as a code's are; "box 12" is no BOX12)
    letters = m.group(1)
    # ("HG 8850", "prd 201" of PRD201: capitals, or letters no word has: no vowel)
    if code is not None and (
        "-" in code or "_" in code or letters.isupper() or not _VOWEL.search(letters)
    ):
        return code
    return m.group(0)


_SEGMENTED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}")
_LETTERS_DIGITS = re.compile(r"[A-Za-z]{1,4}-?(\d{3,})")
_BY: dict[tuple[str, frozenset[str]], dict[str, str | None]] = {}


def _unique_by(
    kind: str, known: frozenset[str], key: Callable[[str], str | None]
) -> dict[str, str | None]:
    """`key` of each code of the list -> that code, or None where two codes share it; kept per
    list and kind (a message's reading asks several times)."""
    found = _BY.get((kind, known))
    if found is None:
        if len(_BY) > 32:
            _BY.clear()
        found = {}
        for code in known:
            k = key(code)
            if k:
                found[k] = None if k in found else code
        _BY[(kind, known)] = found
    return found


def _tail_of(code: str) -> str | None:
    return _KEY.sub("", code.split("-", 1)[1].lower()) if _SEGMENTED.fullmatch(code) else None


def _by_tail(token: str, known: frozenset[str]) -> str | None:
    """The one code of three parts or more that `token` is without its first part ("4420Q",
    "4420-Q" of 10-4420-Q; "5100-K" of 10-5100-K): figures and letters both, or None."""
    if len(token) < 4 or not any(c.isdigit() for c in token) or not any(c.isalpha() for c in token):
        return None
    return _unique_by("tail", known, _tail_of).get(_KEY.sub("", token.lower()))


def _head_of(code: str) -> str | None:
    head = code.rsplit("-", 1)[0] if "-" in code else ""
    return _KEY.sub("", head.lower()) if len(head) >= 5 else None


# the size a code's last part says, and the words a message says it with ("RC410-QT",
# "RC410-GAL", "RC410-5G": "rc410 qts", "11 gallons RC422", "2 5g DK310")
_SIZE_SAID: dict[str, re.Pattern[str]] = {
    "QT": re.compile(r"\b(?:qts?|quarts?)\b", re.I),
    "PT": re.compile(r"\b(?:pts?|pints?)\b", re.I),
    "GAL": re.compile(r"\b(?<!5\s)(?<!5)(?:1\s?)?(?:gal|gals|gallons?)\b(?!\s*pails?)", re.I),
    "1G": re.compile(r"\b(?<!5\s)(?<!5)(?:1\s?)?(?:gal|gals|gallons?)\b(?!\s*pails?)", re.I),
    "5G": re.compile(r"\b5\s?(?:g|gal|gals|gallons?)\b|\bpails?\b", re.I),
    "5GAL": re.compile(r"\b5\s?(?:g|gal|gals|gallons?)\b|\bpails?\b", re.I),
}
_STEM_TOKEN = re.compile(r"(?<![\w-])[a-z]+\d+[a-z0-9]*(?![\w-])", re.I)
_STEMS: dict[frozenset[str], dict[str, dict[str, str]]] = {}


def _stems(known: frozenset[str]) -> dict[str, dict[str, str]]:
    """Codes of a stem and a size part ("RC410-QT"): stem (lower case) -> size part -> code,
    for stems the list has in several sizes."""
    found = _STEMS.get(known)
    if found is None:
        if len(_STEMS) > 16:
            _STEMS.clear()
        found = {}
        for code in known:
            stem, dash, size = code.rpartition("-")
            if dash and size.upper() in _SIZE_SAID and any(c.isdigit() for c in stem):
                found.setdefault(stem.lower(), {})[size.upper()] = code
        found = {stem: sizes for stem, sizes in found.items() if len(sizes) > 1}
        _STEMS[known] = found
    return found


def _by_stem_and_size(text: str, known: frozenset[str]) -> str:
    """`text` with a code's stem said beside the size it comes in written as the list's code
    of that size ("the rc410 qts" of RC410-QT, RC410-GAL and RC410-5G); the size's words,
    when right beside the stem, go with it ("11 gallons RC422" is 11 RC422-GAL)."""
    stems = _stems(known)
    if not stems:
        return text
    edits: list[tuple[int, int, str]] = []
    for m in _STEM_TOKEN.finditer(text):
        sizes = stems.get(m.group(0).lower())
        if sizes is None:
            continue
        # the size said nearest the stem, before or after it ("2 5g DK310 + 4 gal DK310")
        start = max(0, m.start() - 16)
        near = text[start : m.end() + 16]
        at, end = m.start() - start, m.end() - start
        best: dict[str, tuple[int, int, int]] = {}
        for size in sizes:
            for said in _SIZE_SAID[size].finditer(near):
                gap = at - said.end() if said.end() <= at else said.start() - end
                if gap >= 0 and (size not in best or gap < best[size][0]):
                    best[size] = (gap, said.start() + start, said.end() + start)
        if not best:
            continue
        nearest = min(gap for gap, _, _ in best.values())
        picked = [size for size, (gap, _, _) in best.items() if gap == nearest]
        if len(picked) != 1:
            continue
        gap, a, b = best[picked[0]]
        if gap <= 1:  # the size's words right beside the stem: part of the code said
            a, b = min(a, m.start()), max(b, m.end())
        else:
            a, b = m.start(), m.end()
        edits.append((a, b, sizes[picked[0]]))
    for a, b, code in sorted(edits, reverse=True):
        text = text[:a] + code + text[b:]
    return text


def partial_codes(text: str, items: Collection[str]) -> dict[str, str]:
    """The list's codes `canonical` reads from a token that is only part of them ("QP-405" of
    QP405-BLK, "4420-Q" of 10-4420-Q): code -> the token as typed. Such a reading is likely,
    never sure: the list may lack the variant meant (round 195: "SKU QP-405 cracked x2" of
    QP405-BLK was sure at 0.97 where the writer asked which)."""
    if not items:
        return {}
    known = items if isinstance(items, frozenset) else frozenset(items)
    keys = _keys(known)
    out: dict[str, str] = {}
    for m in _CODE.finditer(text):
        token = m.group(0)
        if not (any(c.isdigit() for c in token) and any(c.isalpha() for c in token)):
            continue
        key = _KEY.sub("", token.lower())
        if keys.get(key) or (key.endswith("s") and keys.get(key[:-1])):
            continue
        code = _by_tail(token, known) or _by_head(token, known)
        if code is not None:
            out[code] = token
    return out


def figure_codes(text: str, items: Collection[str]) -> dict[str, str]:
    """The list's codes `canonical` may read from a code's figures typed alone ("5077 x2" of
    AQ5077, "42151 x3" of LEGO-42151), where the code itself is typed nowhere: code -> the
    figures. Likely, never sure: the figures may be a count, a price or another number."""
    if not items or not _BARE_FIGURES.search(text):
        return {}
    known = items if isinstance(items, frozenset) else frozenset(items)
    said = {_KEY.sub("", m.group(0).lower()) for m in _CODE.finditer(text)}
    keys = _keys(known)
    out: dict[str, str] = {}
    for m in _BARE_FIGURES.finditer(text):
        code = by_digits(m.group(0), known)
        if code is not None and not any(keys.get(k) == code for k in said):
            out[code] = m.group(0)
    return out


_BARE_FIGURES = re.compile(r"(?<![\w$.,/-])\d{4,}(?![\w.,/-])")


def _by_head(token: str, known: frozenset[str]) -> str | None:
    """The one code that is `token` and a last part ("SH3046", "sh3046" of SH3046-VW, the
    variant the list has only one of): figures and letters both, five or more, or None."""
    if len(token) < 5 or not any(c.isdigit() for c in token) or not any(c.isalpha() for c in token):
        return None
    return _unique_by("head", known, _head_of).get(_KEY.sub("", token.lower()))


def _digits_of(code: str) -> str | None:
    m = _LETTERS_DIGITS.fullmatch(code)
    return m.group(1) if m else None


def by_digits(digits: str, items: Collection[str]) -> str | None:
    """The one code of the list that is a few letters and then these figures ("5077" of
    AQ5077, "2120" of FG2120): "item 5077" names it. None when no code or several have them."""
    known = items if isinstance(items, frozenset) else frozenset(items)
    found = _unique_by("digits", known, _digits_of).get(digits)
    if found is not None and _led_by(digits, known):
        return None  # ("1020" of HM1020 and of 1020-NH-CS100, "1020 flat no holes"): which?
    return found


def _led_by(digits: str, known: frozenset[str]) -> bool:
    """Whether another code of the list starts with these figures ("1020-NH-CS100")."""
    return any(
        code.startswith(digits) and (len(code) == len(digits) or not code[len(digits)].isdigit())
        for code in known
    )


# Capitals people shout that are words, not codes ("URGENT", "ASAP", "SKU", "QTY")
SHOUTED = frozenset(
    """
    asap urgent fyi note notes total each case cases please thanks today tonight update
    attn attention important again also only none never hdmi cogs fifo lifo fefo lcnrv nrv
    sku skus qty unit units item items stock inventory pallet pallets count recount audit
    usda osha nsf ansi astm fema ifta cbsa haccp iata imdg ucc ssrs gmp ppe hvac
    """.split(),  # noqa: SIM905 (a word list)
)


def _code_like(token: str) -> bool:
    """A token without digits that is still written as a code: hyphenated ("lmp-arc",
    "TEE-BLK-M") or in capitals ("BRKT", "TEEBLKM"). A plain word ("box", "Lamp") is a word."""
    return ("-" in token or "_" in token or (token.isupper() and len(token) >= 3)) and any(
        ch.isalpha() for ch in token
    )


_FIGURE_RUN = re.compile(r"\d+")
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)
# what follows a count, not a code ("1000 IBU-200", "1500 bags", "2000 x"; but "42151 x3" is
# three of the goods coded 42151: "x" and a figure count what stands before them)
_COUNTED_AFTER = re.compile(
    r"\s*(?:x\b|(?!x\s?\d)[a-z]+-?\d|[A-Z0-9]+-[A-Z0-9]|(?:units?|pcs?|pieces?|ea|each|bags?|boxes|bx"
    r"|cases?|cs|ct|pk|packs?|rolls?|cans?|bottles?|btls?|lbs?|oz|ft|yds?|gal|tabs?|tablets?"
    r"|caps?|sheets?|pairs?|prs?|dozen|dz|sets?)\b)",
    re.IGNORECASE,
)
# Any token that could be a code: letters and digits joined by "-", "_" or "/", any case
# ("LUM-2x4-8", "MED/GZ/44", "SOFA3-GRY")
_TOKEN = re.compile(r"(?<![\w/-])[A-Za-z0-9]+(?:[-_/][A-Za-z0-9]+)*(?![\w/-])")
# the shape the reader's own code patterns find (capitals, a digit, a hyphen): "TV-55X"
_PLAIN_SHAPE = re.compile(r"[A-Z]{1,5}\d*(?:-[A-Z0-9]+)+")


def known_spans(text: str, items: Collection[str]) -> list[tuple[str, int, int]]:
    """Every code the item list knows in `text` (already canonical), as (code, start, end)."""
    if not items:
        return []
    known = items if isinstance(items, frozenset | set | dict) else frozenset(items)
    out = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token in known:
            out.append((token, m.start(), m.end()))
        elif "/" in token:  # "SKU-12/SKU-410": two codes side by side
            parts = token.split("/")
            if any(p not in known and _CODE_LIKE.fullmatch(p) for p in parts):
                continue  # ("MON0/MON": one code the list knows glued to one it does not)
            at = m.start()
            for part in parts:
                if part in known:
                    out.append((part, at, at + len(part)))
                at += len(part) + 1
    marked = _marked_codes(known)
    for code in marked:  # "HE-TANK-8.9": a code with a point, read whole
        at = text.find(code)
        while at >= 0:
            end = at + len(code)
            if not _word_at(text, at - 1) and not _word_at(text, end):
                out = [o for o in out if not at <= o[1] < end] + [(code, at, end)]
            at = text.find(code, end)
    if marked:
        out.sort(key=lambda o: o[1])
    return out


# a part of a slashed token that is itself a code's shape: capitals, or letters and figures
_CODE_LIKE = re.compile(r"[A-Z][A-Z0-9-]+|(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{2,}")


def _word_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "-_/")


_MARKED: dict[frozenset[str], tuple[str, ...]] = {}


_ODD_MARK = re.compile(r"[^A-Za-z0-9_/ -]")


def _marked_codes(known: Collection[str]) -> tuple[str, ...]:
    """The item list's codes with a point or another mark a code's token stops at (few lists
    have any: "HE-TANK-8.9", "EHP-1:5-RED", "TUNA-AHI-1+"); kept per list (by its codes: each
    draft hands the list over as a new object, and a list may hold thousands of codes)."""
    key = known if isinstance(known, frozenset) else frozenset(known)
    found = _MARKED.get(key)
    if found is None:
        if len(_MARKED) > 16:
            _MARKED.clear()
        found = _MARKED[key] = tuple(c for c in key if _ODD_MARK.search(c))
    return found


def odd_codes(text: str, items: Collection[str]) -> list[tuple[str, int, int]]:
    """Codes the item list knows whose shape the reader's own code patterns miss, as
    (code, start, end): no digit ("LMP-ARC", "BRKT"; those patterns want one, so that "N-A"
    or "OK" are never SKUs), lower case or "/" ("LUM-2x4-8", "MED/GZ/44"), no hyphen
    ("HW10442", "SOFA3-GRY" is fine). A code the list knows is its SKU whatever its shape."""
    return [
        (code, a, b)
        for code, a, b in known_spans(text, items)
        if not (_PLAIN_SHAPE.fullmatch(code) and any(ch.isdigit() for ch in code))
    ]


_HIDDEN = "\ue002"  # stands in for a code while masks run (private use: never in a message)
HIDDEN_MARK = _HIDDEN


def masked_around_codes(text: str, items: Collection[str], mask: Callable[[str], str]) -> str:
    """`mask(text)` with every code the item list knows left as it is: "SOFA-GRN-3S" is a SKU
    even though "GRN-3S" reads like a goods-received note, and "2 HR-AA" is no two hours."""
    spans = [(a, b) for _, a, b in known_spans(text, items)]
    if not spans:
        return mask(text)
    hidden = text
    for a, b in spans:
        hidden = hidden[:a] + _HIDDEN * (b - a) + hidden[b:]
    masked = mask(hidden)
    for a, b in spans:
        masked = masked[:a] + text[a:b] + masked[b:]
    return masked


def hidden(text: str, items: Collection[str]) -> str:
    """`text` with every code the item list knows blanked out (same length): what the
    checks for ranges, hedges and look-alike digits read, so that "88-4201" is no range,
    "MW-0925" no number and "CHG65W" no look-alike. The code is the SKU, read elsewhere."""
    spans = known_spans(text, items)
    if not spans:
        return text
    for _, a, b in spans:
        text = text[:a] + _HIDDEN * (b - a) + text[b:]
    return text


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())


# -- codes with a space in them ---------------------------------------------------------------
# An auto-glass list's NAGS numbers are "FW05212 GTYN": a code with a space, which no code
# pattern of the reader reads as one. Such a code is read under a stand-in without the space
# ("FW05212-GTYN", typed as "FW05212 GTYN", "FW05212GTYN" or "fw05212gtyn"), and the stand-in
# is turned back into the list's code on the request read.


def spaced_stand_ins(items: Collection[str]) -> dict[str, str]:
    """stand-in -> code, for the item list's codes with a space ("FW05212-GTYN" ->
    "FW05212 GTYN") or a trailing "#" ("ONY-YEL-50" -> "ONY-YEL-50#"); empty for most
    lists."""
    out: dict[str, str] = {}
    for code in items:
        # (a short one, "A 1", "PK 12", would be read in ordinary words: only codes of five
        # or more letters and digits, with a digit)
        key = "".join(code.split())
        if " " in code and len(key) >= 5 and any(ch.isdigit() for ch in key):
            stand_in = "-".join(code.split())
            if stand_in not in items:
                out[stand_in] = code
        elif (
            code.endswith("#")
            and len(key) >= 6
            and any(ch.isdigit() for ch in key)
            and code[:-1] not in items
        ):
            out[code[:-1]] = code  # "ONY-YEL-50#" (50 pounds): "#" read as a number sign
    return out


def join_spaced(text: str, stand_ins: dict[str, str]) -> str:
    """`text` with each code that has a space, typed with or without it, as its stand-in."""
    for stand_in, code in stand_ins.items():
        parts = [re.escape(p) for p in code.split()]
        said = r"[\s-]?".join(parts)
        if code.endswith("#"):
            said = said[: -len(re.escape("#"))] + "#?"  # typed with or without its "#"
        typed = re.compile(r"(?<![\w-])" + said + r"(?![\w-])", re.IGNORECASE)
        text = typed.sub(_as_is(stand_in), text)
    return text


def _as_is(replacement: str) -> Callable[[re.Match[str]], str]:
    """A replacement taken as it is ("C\\D-12": no backslash escapes or group references)."""
    return lambda _m: replacement
