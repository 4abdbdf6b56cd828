"""Misspelled reason words, read by fuzzy matching against the policy table's lexicon.

Only words the lexicon allows (`Words.fuzzy`) are aimed at, only typed words of at least
MIN_LENGTH letters are corrected, the first letter must match (people rarely mistype it), and
common words that sit one letter from a reason word ("store"/"storm", "lots"/"lost",
"west"/"wet", "fine"/"fire") are never corrected. The reader shows each correction and
takes a small cost for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ledger.drafting.reading.fast import twin_patterns

MIN_LENGTH = 4
SURE_LENGTH = 5  # shorter corrections ("flod") are shown and make the draft unsure
_WORD = re.compile(r"(?<![\w'-])[a-z]+(?![\w'-])", re.IGNORECASE)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of warehouse messages that are one or two letters from a reason word. Never fuzzed.
COMMON = _wordset(
    """
    folding folded tone tones
    a about above after again against all also am an and any are around as at away back bad
    bay be been before being below best big bin bins both box boxes broker but by came can
    cage card care case cases cast chase check come could count crate crates cycle day days
    dead dock does done door down each east else even ever every fact fall few find fine
    first five floor flow food for forklift found four from front full gave get give gold
    gone good got had hand hard has have her here hers him his hold home hour how
    into its just keep kind know last late left less like line lit little live long look
    lose lot lots made main make many mark may mean meet miss mind mine mold more most move
    much must need never new next nice nine none not note now off old once one only open
    order other our out over own pack pallet part past per pick piece place plan please
    plus post pull push put rack rate read rest ride right road room rose row run sale same
    sat says see seem self sell sent set shelf ship shirt shop short shot should show side
    since site size sold some soon sort soup spot stack stage stale start state stay step
    still stock stole stone stop store stored story sure take taken tape team tell test
    than that the their them then there these they thing this those thus till time today
    told took tore total town tried true turn two unit units upon used very wait want was
    watch water way week well went were west what when where which while who why will wire
    with word work would yard year yes yet you your fire first flood fired hired tired wired
    wider wipe wise store stores stored stormy sorted sorting spilt spell spelled spent
    split spoke spoon sport stall stamp stand steel steal steals stick sticker stuck stuff
    stones staples stapled stapler sealed streaks streak steaks stables stools
    shelves short shorts shortly sent selling sells tested rested rusty dusty dented
    searched search searching checked check checking looked looking counted recounted
    scanned scanning cleared cleaned stacked stocked packed picked placed moved
    checks tracked racked locked docked
    tyre tyres tire tires wheel wheels drum drums
    scale scales scaled
    write writes wrote written writing books
    denied deny steam style styles bud buds insert inserts pesto mike clipped sill sills
    post posts primed brake brakes bun buns spur june wrapped belt belts leaving burs raps
    month months steak kicked destroyer destroyers spoiler spoilers grabber grabbers bens
    fewer lesser lower under extra higher shy stor
    shopify paypal venmo zelle amazon ebay etsy stripe square
    sole soles heel heels lace laces strap straps hull hulls stem stems stove stoves stool
    stools stoles burner burners
    file files filed filing fine fines fir firm fret rams ram thier theirs swolen swollen
    stolne real really mild milder
    pitch pitched pitching tossed trashed chucked dumped ditched
    staging staged stager
    roast roasts roasted roasting roaster roasters toasted toasting
    deal deals dealt dealer dealers
    """
)


def _two_swaps(typed: str, meant: str) -> bool:
    """Whether two words of one length differ by two replaced letters."""
    return len(typed) == len(meant) and sum(a != b for a, b in zip(typed, meant, strict=True)) == 2


def _one_of_a_double(typed: str, meant: str) -> bool:
    """Whether `typed` is `meant` with one letter of a doubled pair left out ("recal")."""
    return len(meant) == len(typed) + 1 and any(
        meant[i] == meant[i + 1] and meant[:i] + meant[i + 1 :] == typed
        for i in range(len(meant) - 1)
    )


@dataclass(frozen=True)
class Correction:
    start: int
    end: int
    typed: str
    meant: str  # the lexicon's phrase
    exact: bool = False  # a misspelling the table lists, not a fuzzy match


def far(typed: str, meant: str) -> bool:
    """Whether a correction took two slips or more ("staying" -> "stealing"): a word of its
    own as likely as a misspelling, so the reading is never sure."""
    return OSA.distance(typed.lower(), meant.lower()) >= 2


class Speller:
    """Fuzzy matching against one lexicon; each typed word is looked up once."""

    def __init__(
        self, targets: Iterable[str], known: Iterable[str], exact: Mapping[str, str]
    ) -> None:
        self.exact = dict(exact)  # the table's own misspellings, read as listed
        self.by_letter: dict[str, list[str]] = {}
        for word in sorted(set(targets)):
            if len(word) >= MIN_LENGTH and word.isalpha():
                self.by_letter.setdefault(word[0], []).append(word)
        self.known = frozenset(w.lower() for w in known) | COMMON
        # words the reader knows that fuzzy matching may not aim at ("overripe", "hardened"):
        # a typed word nearer one of them is its misspelling, not a target's
        aimed = {w for words in self.by_letter.values() for w in words}
        self.others: dict[str, list[str]] = {}
        for word in sorted(self.known - aimed - COMMON):
            if len(word) >= MIN_LENGTH and word.isalpha():
                self.others.setdefault(word[0], []).append(word)
        self.cache: dict[str, str | None] = {}

    def corrections(self, text: str) -> list[Correction]:
        out: list[Correction] = []
        for m in _WORD.finditer(text):
            word = m.group(0).lower()
            if word in self.exact:
                out.append(Correction(m.start(), m.end(), m.group(0), self.exact[word], True))
                continue
            meant = self.meant(word)
            if meant is not None:
                out.append(Correction(m.start(), m.end(), m.group(0), meant))
        return out

    def meant(self, word: str) -> str | None:
        if word in self.cache:
            return self.cache[word]
        found: str | None = None
        if len(word) >= MIN_LENGTH and word not in self.known:
            choices = self.by_letter.get(word[0], [])
            limit = 1 if len(word) < 7 else 2
            near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit)
            # two letters swapped for two others ("searched"/"snatched", "checked"/"cracked")
            # is another word, not a slip of the fingers: slips drop, double or swap letters
            near = [c for c in near if c[1] < 2 or not _two_swaps(word, c[0])]
            if near:
                # the closest; between equals, the one of the typed word's length
                # (but first a doubled letter typed once: "recal" is "recall", not "reval")
                best = min(
                    near,
                    key=lambda c: (
                        c[1],
                        not _one_of_a_double(word, c[0]),
                        abs(len(c[0]) - len(word)),
                        c[0],
                    ),
                )
                rival = best[1] > 1 and process.extractOne(
                    word,
                    self.others.get(word[0], []),
                    scorer=OSA.distance,
                    score_cutoff=best[1] - 1,
                )
                # "overipe" is one letter from "overripe" (an idiom, exact words only) and two
                # from "overage": not a count surplus
                found = best[0] if not rival else None
        if len(self.cache) > 4096:
            self.cache.clear()
        self.cache[word] = found
        return found


# on plain text (ASCII and the reader's marks) every pattern above runs in ASCII mode: the same
# matches for far fewer instructions (see fast.Twin)
twin_patterns(globals())
