"""Why the books refused something, as data: a UI places each problem on the form field it
is about (line 2's account, the entry date) without reading the sentence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProblemField(StrEnum):
    """What a problem is about. Line problems name a line's field; the others the entry's."""

    ACCOUNT = "account"  # a line's account
    DEBIT = "debit"  # a line's debit
    CREDIT = "credit"  # a line's credit
    AMOUNT = "amount"  # a line's amount as a whole (debit and credit), or the entry's total
    LINES = "lines"  # the lines as a whole (how many)
    ENTRY_DATE = "entry_date"
    STATUS = "status"  # the entry's state forbids it (posted, rejected...)
    ENTRY = "entry"  # the entry itself (missing, a reversal of a reversal)


@dataclass(frozen=True)
class Problem:
    """One reason, in plain words. `line` is 1-based (None: about the whole entry);
    `field` is a ProblemField value (None: nowhere in particular)."""

    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "field": self.field, "message": self.message}
