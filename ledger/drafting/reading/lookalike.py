"""Numbers typed with look-alike letters: O for 0, l or I for 1, S for 5, B for 8.

"$4OO" is not $4.00 and not $400: the reader cannot know, so it never reads such a token as
digits. The whole message is refused with the token quoted, so the writer retypes it.
"""

from __future__ import annotations

import re

from ledger.drafting.reading.fast import lead

# After a currency sign every character must be a digit: "$4OO", "$l5", "$2B4", "$1,OOO".
_MONEY = lead(
    "$u", r"(?:\$|\busd\s?)\s?(?P<t>[0-9OolISB][0-9OolISB,.]*[0-9OolISB]|[OlIS])(?![\w-])"
)
# Elsewhere only shapes that cannot be a word, a size or a code: a digit then the letter O
# ("1O", "4OO", "2o"), a letter between digits ("4S6", "1l5"), or l/I then digits ("l2").
_BARE = re.compile(
    r"(?<![\w$.,/-])(?P<t>\d[\dOo]*[Oo][\dOo]*|\d+[OolISB]\d+[\dOolISB]*|[lI]\d+)(?![\w-])"
)
_LETTER = re.compile(r"[OolISB]")


def find(text: str) -> str | None:
    """The first look-alike number in `text` as typed ("$4OO"), or None."""
    for pattern in (_MONEY, _BARE):
        for m in pattern.finditer(text):
            token = m.group("t")
            if _LETTER.search(token):
                return m.group(0).strip()
    return None


def refusal(token: str) -> str:
    return (
        f"I can't read '{token}' as a number: it has a letter where a digit should be "
        "(O for 0, l for 1?). Please retype the number in digits."
    )
