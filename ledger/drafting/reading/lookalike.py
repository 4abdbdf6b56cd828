"""Numbers typed with look-alike letters: O for 0, l or I for 1, S for 5, B for 8.

"$4OO" is not $4.00 and not $400: the reader cannot know, so it never reads such a token as
digits. The whole message is refused with the token quoted, so the writer retypes it.

The principle: a character in a number-like token that is not an ASCII digit, separator or
currency mark is never read as a digit and never silently dropped. So besides the Latin
look-alikes, any non-ASCII character inside a token that holds a digit or follows a "$"
makes it look-alike: Cyrillic or Greek O ("$142.OO" typed with Cyrillic O), Cyrillic Ze
for 3, fullwidth or Arabic-Indic digits (which Python would otherwise read as digits).
"""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import gated, lead, twin_patterns

# After a currency sign every character must be a digit: "$4OO", "$l5", "$2B4", "$1,OOO".
_MONEY = lead(
    "$u", r"(?:\$|\busd\s?)\s?(?P<t>[0-9OolISB][0-9OolISB,.]*[0-9OolISB]|[OlIS])(?![\w-])"
)
# Elsewhere only shapes that cannot be a word, a size or a code: a digit then the letter O
# ("1O", "4OO", "2o"), a letter between digits ("4S6", "1l5"), or l/I then digits ("l2").
_BARE = gated(
    # ("at 31.7O": an O in the cents is no zero either)
    r"(?<![\w$.,/-])(?P<t>\d[\d,]*\.\d*[Oo][\dOo]*|\d[\dOo]*[Oo][\dOo]*|\d+[OolISB]\d+[\dOolISB]*"
    r"|[lI]\d+)(?![\w-])"
)
_LETTER = re.compile(r"[OolISB]")
# An amount glued to letters that are neither a scale ("$4k", "$4grand") nor a unit it is
# priced by ("$15ea", "$12cs"): "$4G" is not $4, and reading a grand is a guess, so it is
# refused like a look-alike ("g" and "l" are no units here: grams and litres are not priced)
# ("$2G7": letters inside the digits are never a unit either)
_GLUED = lead(
    "$u", r"(?:\$|\busd\s?)\s?(?P<t>\d[\d,]*(?:\.\d+)?(?P<tail>[a-z]+)(?P<more>\w*))(?![\w-])", re.I
)
_TAILS = frozenset(
    """
    k m mm mil bn thousand million grand ea each per pc pcs pce pces piece pieces pk pks pack
    packs ct cnt count cs case cases bx box boxes bag bags btl bottle bottles can cans unit units
    u un ctn carton cartons dz doz dozen pr pair pairs set sets roll rolls ft lb lbs kg oz ml
    gal sqft
    """.split()  # noqa: SIM905 (a word list)
)
# "1I": a digit then a capital I (never a unit, unlike the litre of "2l")
_DIGIT_I = re.compile(r"(?<![\w$.,/-])(?P<t>\d+I)(?![\w-])")
# A token of letters, digits (any script), "$" and separators: checked only in non-ASCII text
_TOKEN = re.compile(r"[\w$.,]+")


# A label that names a reference or a place: "lot 22B417", "batch 7A12", "bin 12B4", "PO 45A12"
# are codes of letters and digits, neither a quantity nor money (a "$" is never a label)
_LABEL = re.compile(
    r"\b(?:lot|batch|po|p\.o\.|order|claim|ticket|tkt|rma|invoice|inv|ref|reference|report"
    r"|case|job|serial|s/n|sn|tracking|receipt|asn|bol|grn|awb|incident|bin|bay|aisle|rack|slot"
    r"|location|loc|shelf|zone|dock|door|tote|pallet|container|trailer|model|part|item|sku)"
    r"\s*(?:\#|no\.?|number|num|id)?\s*[:\#]?\s*$",
    re.IGNORECASE,
)


def _labelled(text: str, start: int) -> bool:
    return _LABEL.search(text, max(0, start - 24), start) is not None


def find(text: str) -> str | None:
    """The first look-alike number in `text` as typed ("$4OO"), or None. A code after a
    reference or place label ("lot 22B417") is a code, not a number."""
    for pattern in (_MONEY, _BARE):
        for m in pattern.finditer(text):
            token = m.group("t")
            if _LETTER.search(token):
                if pattern is _BARE and _labelled(text, m.start("t")):
                    continue
                return m.group(0).strip()
    for m in _GLUED.finditer(text):
        if m.group("tail").lower() not in _TAILS or m.group("more"):
            return m.group(0).strip()
    digit_i = _DIGIT_I.search(text)
    if digit_i:
        return digit_i.group("t")
    return None if text.isascii() else _foreign(text)


def _foreign(text: str) -> str | None:
    """The first token that mixes a digit (of any script) or a "$" with a non-ASCII
    character, or holds a non-ASCII digit: "$142.OO" with Cyrillic O, "2" + Greek omicron,
    a fullwidth 5, an Arabic-Indic 2."""
    for m in _TOKEN.finditer(text):
        token = m.group(0).strip(".,")
        if token.isascii():
            continue
        if any(c.isdigit() for c in token) or token.startswith("$"):
            return token
    return None


def refusal(token: str) -> str:
    glued = _GLUED.fullmatch(token)
    if glued and _LETTER.sub("", glued.group("tail")):  # not only look-alikes ("$4OO")
        return (
            f"I can't read '{token}' as an amount: '{glued.group('tail')}' after the digits is "
            "not a digit, a 'k' or a unit. Please retype the amount in digits (e.g. $4,000)."
        )
    return (
        f"I can't read '{token}' as a number: it has a letter where a digit should be "
        "(O for 0, l for 1?). Please retype the number in digits."
    )


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
