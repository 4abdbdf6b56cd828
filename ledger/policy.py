"""The accounting policy: which accounts a write-off goes to, in one readable table.

`REASONS` has one row (`ReasonSpec`) per `Category`: its kind, its priority, its words, the
accounts it posts to (and why), how the Slack form offers it and how Claude is told about it.
Everything that knows about reasons reads this table: `decide_accounts`, the offline reader
(the words it matches, and the signal it groups a message by), the Claude reader (its category
enum and prompt) and the form (`form_reasons`, `form_reason`).

Adding a reason is one `Category` member and one `ReasonSpec` row with its words, both here.
The table checks itself when it is built (every category has exactly one row, no word names two
reasons, ...), so a half-added reason fails at import, not in front of a controller.

Pure data and pure functions. A company can override the account codes, the materiality
threshold and the limit (`Policy`), or the whole table (`Policy.reasons`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from ledger.money import format_money


class Kind(StrEnum):
    WRITE_OFF = "write_off"
    WRITE_DOWN = "write_down"
    RESERVE = "reserve"


class Category(StrEnum):
    """What happened, as the policy sees it. Each member has its row in `REASONS` below."""

    LOSS = "loss"  # damaged, expired, obsolete: routine under materiality, else write-off expense
    SHRINKAGE = "shrinkage"  # missing on count, no known cause
    CASUALTY = "casualty"  # theft, fire, flood: unusual at any amount
    WRITE_DOWN = "write_down"  # still sellable, worth less than cost
    RESERVE_WRITE_OFF = "reserve_write_off"  # written off against the allowance
    RESERVE_PROVISION = "reserve_provision"  # increase the allowance
    OVERAGE = "overage"  # count higher than the books
    DONATION = "donation"  # given away to a charity or food bank


class Role(StrEnum):
    """An account by what it is for. `Policy` holds each role's code (the value names the field),
    so a company with its own chart changes the codes, never the table."""

    INVENTORY = "inventory"
    RESERVE = "reserve"
    COGS = "cogs"
    SHRINKAGE = "shrinkage"
    WRITE_OFF_EXPENSE = "write_off_expense"
    WRITE_DOWN_LOSS = "write_down_loss"
    OBSOLESCENCE = "obsolescence"


# -- the shape of a row -----------------------------------------------------------------------


@dataclass(frozen=True)
class Posting:
    """Debit one account, credit another, and say why in one sentence for the approver.

    `why` may use {amount} (the entry's amount, or "The amount" while it is unknown) and
    {threshold} (the materiality threshold), both formatted as money.
    """

    debit: Role
    credit: Role
    why: str

    def pick(self, amount: Decimal | None, materiality: Decimal) -> Posting:
        return self


@dataclass(frozen=True)
class ByMateriality:
    """Routine losses: under the materiality threshold one posting, at or over it another (a
    large loss on a line of its own does not distort gross margin). An unknown amount is taken
    as under, and says so."""

    under: Posting
    at_or_over: Posting

    def pick(self, amount: Decimal | None, materiality: Decimal) -> Posting:
        return self.at_or_over if amount is not None and amount >= materiality else self.under


AccountRule = Posting | ByMateriality


@dataclass(frozen=True, init=False)
class Words:
    """Some of a reason's words, and what they mean next to other reasons' words.

    - phrases: single words and phrases, matched as whole words, in any case; a space or a
      hyphen in a phrase matches any run of spaces and hyphens ("break in" = "break-in"). The
      longest phrase found at a place wins, and the draft shows it as spelled here.
    - misspelled: a misspelling people type -> the phrase it stands for (one of this group's
      phrases); the reader reads the text as if it were spelled right.
    - explains: other categories whose words, seen beside these, tell the same story rather
      than a rival one: "damaged in the flood" is one casualty, "damaged and stolen" is two
      stories and costs confidence.

    - near: when given, these phrases count only in a request that also names one of these
      words: "use", "top up" and "relieve" say which way a reserve moves only beside
      "reserve", "allowance" or "provision".
    - fuzzy: whether misspellings of these phrases are read by fuzzy matching (a small cost
      and the correction shown); off for words short or common enough to collide.
    - weak: these words name the reason only when no other reason's word is there: "lost 40
      units to water damage" is damage, "lost 40 units" is shrinkage.
    - faint: weaker still: these words name the reason only when no other reason's word, weak
      ones included, is there: "found 2 X behind the shelf" is over the books, "found 2 X
      with the soles coming off, toss" is a loss.

    Issue 9 grows the lexicon here, group by group (synonyms and idioms are more phrases;
    attributes shared by a group, such as which words fuzzy matching may aim at, are more
    fields), so every reader keeps reading one place.
    """

    phrases: tuple[str, ...]
    misspelled: tuple[tuple[str, str], ...]
    explains: frozenset[Category]
    near: tuple[str, ...]
    fuzzy: bool
    weak: bool
    faint: bool

    def __init__(
        self,
        *phrases: str,
        misspelled: Mapping[str, str] | None = None,
        explains: Iterable[Category] = (),
        near: Iterable[str] = (),
        fuzzy: bool = True,
        weak: bool = False,
        faint: bool = False,
    ) -> None:
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "misspelled", tuple(sorted((misspelled or {}).items())))
        object.__setattr__(self, "explains", frozenset(explains))
        object.__setattr__(self, "near", tuple(near))
        object.__setattr__(self, "fuzzy", fuzzy)
        object.__setattr__(self, "weak", weak or faint)
        object.__setattr__(self, "faint", faint)


@dataclass(frozen=True)
class FormChoice:
    """One option of the Slack form's reason menu."""

    value: str  # the option's value: stable, since open forms carry it
    label: str  # what the menu shows
    word: str  # the reason word the draft records; one of the row's phrases


@dataclass(frozen=True)
class ReasonSpec:
    """Everything the product knows about one reason."""

    category: Category
    kind: Kind
    # When a message has words of several reasons, the lowest number wins; numbers leave gaps
    # so a new reason can slot in between.
    priority: int
    words: tuple[Words, ...]  # the lexicon, in groups (see Words)
    accounts: AccountRule  # which roles it debits and credits, and the sentence saying why
    claude_hint: str  # what the category means, in the words Claude is given
    form: tuple[FormChoice, ...] = ()  # the form's options for it; () = the form does not offer it

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(p for group in self.words for p in group.phrases)


# -- the table --------------------------------------------------------------------------------

# The reserve's longer names that "into the ..." and "to the ..." are read with
RESERVE_KINDS_NAMED = (
    "excess & obsolete",
    "excess and obsolete",
    "inventory",
    "obsolete stock",
    "obsolete inventory",
)
# What names the inventory reserve: the words that give a reserve verb its direction.
RESERVE_NOUNS: tuple[str, ...] = (
    "reserve", "reserves", "allowance", "allowances", "provision", "provisions", "e&o",
    "e & o", "e and o",
    # as typed in a hurry ("use the obsolesence resrve")
    "resrve", "reserv", "resreve", "reseve", "allowence", "alowance",
)  # fmt: skip

# Who buys goods below cost: what they pay is the goods' new value (a write-down). Phrases
# match whole words anywhere, so "the liquidator pays" is read by "liquidator pays".
WD_BUYERS: tuple[str, ...] = (
    "liquidator", "liquidators", "outlet", "discount outlet", "outlet store", "jobber",
    "discounter", "salvage buyer", "reseller", "clearance buyer", "surplus buyer",
    "closeout buyer", "closeout",
)  # fmt: skip

# A vehicle on the road and what befell it: "van totaled", "truck 7 slid off the road",
# "driver backed the box truck into the dock post" (round 304 drafted these as routine
# losses at 0.97). A hand truck, a forklift or a cart is never one of these vehicles.
_VEHICLES = (
    "truck", "van", "trailer", "lorry", "semi", "box truck", "delivery truck", "delivery van",
    "pickup", "vehicle", "car", "rig", "bus",
)  # fmt: skip
_WRECKED = (
    "crashed", "crash", "rolled over", "rollover", "flipped over", "overturned", "totaled",
    "totalled", "got totaled", "was totaled", "wrecked", "got wrecked", "slid off",
    "skidded off", "collided", "got hit", "was hit", "got sideswiped", "sideswiped", "clipped",
    "went off the road", "went in the ditch", "went into the ditch", "hit a deer",
    "hit black ice", "hit ice", "wreck",
    # ("trailer jackknifed coming back from the show": round 339)
    "jackknifed", "jack-knifed",
)  # fmt: skip
# damage done by people who meant it, said with who did it ("kids smashed up the bait cooler
# display", "punks busted the front window": round 311 drafted a sure routine loss); the
# words side by side, so "6 kids bikes smashed on the dock" stays a loss
_VANDALS = (
    "kids", "some kids", "punks", "teens", "teenagers", "hooligans", "yobs", "thugs",
    # ("some clown keyed the window display and smashed 4 frames": round 323)
    "some clown", "some idiot", "some moron", "some jerk",
)  # fmt: skip
_SMASHED_ON_PURPOSE = (
    "smashed", "smashed up", "busted", "busted up", "broke", "wrecked", "destroyed",
    "kicked in", "threw", "tore up", "ripped up", "messed up", "trashed", "keyed",
    # ("kids got into the trailer out back and went to town": round 322)
    "got into",
    "shot up", "vandalized", "vandalised",
)  # fmt: skip
VANDALS_AT_WORK: tuple[str, ...] = tuple(
    dict.fromkeys(f"{who} {did}" for who in _VANDALS for did in _SMASHED_ON_PURPOSE)
)
ROAD_ACCIDENTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [f"{v} {w}" for v in _VEHICLES for w in _WRECKED]
        + [f"backed the {v} into" for v in _VEHICLES]
        + ["driver crashed", "driver crash", "driver wrecked", "driver rolled",
           "driver backed into", "driver rolled the", "driver slid off", "slid off the road",
           *(f"{v} backed into" for v in _VEHICLES),
           "slid off the highway", "skidded off the road", "off the road into", "rollover on",
           # ("truck 14 on the 9am run slid into a ditch": round 317)
           "slid into a ditch", "slid into the ditch", "skidded into a ditch",
           # ("parts van slid into the median on I-80": round 318)
           "slid into the median", "slid into the guardrail", "hit the guardrail",
           # ("van (unit 14) slid off the on-ramp in the rain": round 322)
           "slid off the on-ramp", "slid off the off-ramp", "slid off the ramp",
           # ("damaged when the van rolled", "van slid on the ice and rolled": round 323)
           *(f"{v} rolled" for v in _VEHICLES if v != "truck"),
           "slid on the ice", "slid on ice", "slid on black ice",
           "hit the median",
           # ("jake rolled the van on rt 9, he's ok": round 314)
           *(f"{w} the {v}" for w in ("rolled", "flipped", "crashed", "wrecked", "totaled",
                                      "totalled") for v in _VEHICLES)]
    )
)  # fmt: skip

# a sprinkler or a water line that let go ("sprinkler head went off", "burst water line")
_SPRINKLER_PARTS = (
    "sprinkler",
    "sprinklers",
    "sprinkler head",
    "sprinkler heads",
    "sprinkler line",
    "sprinkler pipe",
    "water line",
    "supply line",
    "water pipe",
    "water supply line",
    # ("sprinkler main let go over the stat aisle": round 316)
    "sprinkler main",
    "sprinkler riser",
)
_LET_GO = (
    "went off",
    "let go",
    "burst",
    "broke",
    "popped",
    "got knocked off",
    "got knocked",
    "was knocked off",
    "got hit",
    "discharged",
    "activated",
    "tripped",
    "blew",
    "failed",
    "opened up",
    "snapped",
    "cracked",
    "split",
    "ruptured",
)
SPRINKLERS_LET_GO: tuple[str, ...] = tuple(
    dict.fromkeys(
        [f"{part} {verb}" for part in _SPRINKLER_PARTS for verb in _LET_GO]
        # ("under the sprinkler that went off in bay 3", "sprinklr went off": round 317)
        + [f"{part} {that} {verb}" for part in _SPRINKLER_PARTS[:4] for that in ("that", "which")
           for verb in _LET_GO[:12]]
        + [f"sprinklr {verb}" for verb in _LET_GO[:12]]
        + [f"{part} let go" for part in ("water main", "main", "pipe", "pipes", "line")]
        + [f"{verb} {part}" for part in _SPRINKLER_PARTS[6:] for verb in ("burst", "broken")]
        # ("burst sprinkler soaked bay 7": round 326; never "broken sprinklers", goods a
        # garden centre sells)
        + [f"{verb} {part}" for part in _SPRINKLER_PARTS[:6] + _SPRINKLER_PARTS[10:]
           for verb in ("burst", "ruptured")]
        # ("sprinkler discharge over the puzzle wall": round 316)
        + [f"{part} discharge" for part in ("sprinkler", "sprinkler head", "sprinkler main")]
    )
)  # fmt: skip

# fmt: off
REASON_ROWS: tuple[ReasonSpec, ...] = (
    ReasonSpec(
        Category.LOSS,
        Kind.WRITE_OFF,
        priority=70,
        accounts=ByMateriality(
            under=Posting(
                Role.COGS,
                Role.INVENTORY,
                "{amount} is under the {threshold} materiality threshold, "
                "so it goes to Cost of Goods Sold as a routine loss",
            ),
            at_or_over=Posting(
                Role.WRITE_OFF_EXPENSE,
                Role.INVENTORY,
                "{amount} is at or over the {threshold} materiality threshold, so it goes to "
                "a separate write-off expense line and does not distort gross margin",
            ),
        ),
        claude_hint="goods destroyed or unsellable: damaged, expired, spoiled, obsolete, recalled",
        form=(
            FormChoice("damaged", "Damaged", "damaged"),
            FormChoice("expired", "Expired", "expired"),
            FormChoice("obsolete", "Obsolete", "obsolete"),
        ),
        words=(
            # ("culled 11 ctns at the repack line, too much decay": produce sorted out as
            # rotten; exact, since "pull" is one letter from "cull"; round 295)
            Words("culled", "cull", "culls", "culling", fuzzy=False),
            Words(
                "damaged", "damage", "broken", "broke", "breakage", "crushed", "dented",
                "expired", "spoiled", "spoilt", "moldy", "mouldy", "contaminated", "defective",
                "recalled", "recall", "obsolete", "obsolescent", "torn", "leaking", "leaked",
                # ("keg seeping at the valve"; "tiles missing from the factory": a defect)
                "seeping", "seeped", "missing from the factory",
                "cracked", "shattered", "smashed", "rotten", "rotted", "wet", "water damaged",
                # ("water marked from the skylight drip": damaged, not marked down; round 219)
                "water marked", "watermarked",
                "past date", "out of date", "unsellable", "unsaleable", "scrap", "scrapped",
                "destroyed", "faulty", "dropped", "punctured", "melted", "thawed", "stale",
                "discontinued", "ruined", "unusable", "worthless", "spilled", "spill", "mold",
                "mould", "mildew", "infested", "rusted", "corroded", "warped", "scratched",
                "ripped", "soiled", "stained", "bruised", "squashed", "busted", "spoilage",
                "expiry", "expiring", "best before", "sell by", "outdated", "dead stock",
                # ("4 dozen tubes of adhesive dried out", "2 stout quarters went skunky",
                # "came back from a patient worn, can't restock")
                "dried out", "dried up", "dried solid", "skunky", "skunked", "worn out",
                "can't restock", "cant restock", "can't be restocked", "not restockable",
                "deadstock", "end of life", "superseded", "rejected", "nonconforming",
                "non-conforming", "out of spec", "chipped", "freezer burn", "freezer burned",
                "short dated", "obsoleted", "mice", "rodent", "rodents", "pests", "sour",
                "ants got into", "bugs got into", "mice got into", "rats got into", "roaches",
                # ("ants got in", "1 cs hit the compost", "vented a full 300 of argon. we eat
                # it": round 255)
                "ants got in", "bugs got in", "mice got in", "rats got in", "hit the compost",
                "went to compost", "composted", "vented", "we eat it", "we'll eat it",
                # ("opened and can't be resold", "the cart is a counterfit, rite it off": 256)
                "can't be resold", "cant be resold", "cannot be resold", "not resellable",
                # ("strands shorted out", "it's gone cheesy", "heater took a dirt nap": 257)
                "shortd out", "gone cheesy", "went cheesy", "took a dirt nap",
                # ("cymbidiums gave up the ghost", "40 stems in the compost", "pots gone
                # gloopy", "got eaten by the generator", "chunked out in the yard", "eat the
                # cost on 10 cartons": round 262)
                "gave up the ghost", "in the compost", "gone gloopy", "went gloopy", "gloopy",
                "got eaten by", "chunked out", "eat the cost", "eating the cost",
                # ("2 cases of pretzels, they're hockey pucks", "2 cases went to slime",
                # "strawberries turned to soup in the heat", "3 crates are hog feed now",
                # "peaches going to the chickens", "littlenecks bought the farm": rounds
                # 263-273)
                "hockey pucks", "hockey puck", "went to slime", "turned to slime", "to slime",
                "turned to soup", "turned to mush", "hog feed", "pig feed", "chicken feed",
                "to the chickens", "to the pigs", "bought the farm", "went starchy",
                "counterfeit", "counterfit",
                "day-old", "day olds", "grew fuzz", "grew mold",
                # ("4 units burn-in", "8 ghosting, 5 dead touch", "9 bottles gone solid", "went
                # to the great warehouse in the sky": round 281)
                "burn-in", "screen burn", "ghosting", "dead touch", "gone solid",
                "went solid", "great warehouse in the sky",
                # ("1 X crashed in the net", "the Avata crashed at demo day": a drone's or a
                # car's end; round 286)
                "crashed", "crashed it", "crashed in",
                # ("VS-STL-R x 2 dye bled", "colors ran in the wash": round 280)
                "dye bled", "dye ran", "colors bled", "colours bled", "colors ran", "colours ran",
                "color ran", "colour ran",
                # plants gone bad, as a nursery says it ("boxwoods in row C have blight", "basil
                # crapped out on us", "mums are cooked, straight to the compost": round 252)
                "blight", "blighted", "blite", "to the compost",
                # ("roll sat against the heater vent and fused to itself", "gone rubbery in the
                # bottle": round 253)
                "fused", "fused together", "gone rubbery", "went rubbery",
                "for the landfill", "to the landfill",
                # ("forklift pierced 9 bags", "boards cupped", "not sellable, scrapping them":
                # round 250)
                "pierced", "cupped", "not sellable", "no longer sellable", "scrapping",
                "grew mould",
                "infestation", "pantry moths",
                # ("1 gal (gone cloudy)": gone bad, not gone missing)
                "gone cloudy", "went cloudy", "gone rancid", "went rancid",
                # ("customer returns, missing blocks": incomplete goods, not goods gone)
                "missing pieces", "missing parts", "missing blocks", "missing screws",
                "missing hardware", "missing lids", "missing caps", "missing components",
                # ("LOB-2LB culls (missing claws)", round 158: a part of the goods gone)
                "missing claws", "missing claw", "missing legs", "missing wheels",
                "missing handles", "missing knobs", "missing tags",
                "missing instructions", "missing manuals", "missing keys",
                "missing batteries", "missing cords", "missing remotes", "missing lenses",
                # ("1 WF1000XM5/B missing an earbud"): a part gone, the goods incomplete
                "missing an", "missing its", "missing their",
                "pieces missing", "parts missing",
                # ("1 8M-1200-30 (teeth gone)": a belt's or a blade's teeth, not goods gone)
                "teeth gone", "teeth missing", "missing teeth", "tooth missing", "handle gone",
                "handle missing", "lid missing", "cap missing", "knob missing",
                # ("1 STR-UMB-01, wheel gone" under "damaged in the back": a part broken off,
                # round 350 read a count's shortfall)
                "wheel gone", "wheels gone", "wheel missing", "leg gone", "legs gone",
                "lid gone", "cap gone", "knob gone", "strap gone", "straps gone",
                "zipper gone", "zip gone", "buckle gone", "buckle missing", "strap missing",
                # ("4x 3517C plating gone": a finish gone is damage, not goods gone)
                "plating gone", "finish gone", "lacquer gone", "chrome gone", "coating gone",
                "silvering gone", "paint gone", "gloss gone", "glaze gone", "shine gone",
                "colour gone", "color gone", "print gone", "labels gone", "plating worn off",
                "finish worn off",
                # ("3 rings, stones missing", "2 pendants missing stones")
                "stones missing", "stone missing", "missing stones", "missing stone",
                "missing a stone", "buttons missing", "missing buttons", "missing a button",
                "screws missing", "lids missing", "caps missing",
                # ("scorched in the melter", "burnt coils": spoiled in use; with "fire" the
                # fire's row tells the story)
                "burned", "burnt", "scorched", "charred",
                "soured", "went bad", "gone bad", "rotting", "past expiry", "dmg'd",
                # ("tossed another 10 lb that was too far gone"; paint "skinned over")
                "too far gone", "skinned over", "crusted over",
                # ("culled 11 ctns at the repack line, too much decay. gone": produce sorted out
                # as rotten; round 295 read "gone" as a shortfall)
                "decay", "decayed", "decaying",
                # ("TAM-61119 x2 - short shot canopies from the factory": a moulding that did
                # not fill, no shortfall; round 300)
                "short shot", "short shots", "short shotted",
                # ("12 X crystallized and fermented": honey and syrups gone off; round 298)
                "crystallized", "crystalized", "crystallised", "fermented",
                # a machine that caught the goods ("ironer grabbed a sheet and took 2 ft of the
                # cover with it": round 304 read a theft at 0.97)
                *(
                    f"{machine} {verb}"
                    for machine in ("ironer", "machine", "roller", "rollers", "conveyor",
                                    "belt", "feeder", "folder", "press", "mangle", "dryer",
                                    "washer", "wringer", "printer", "seamer", "shredder",
                                    "applicator", "packer", "labeler", "wrapper", "it")
                    for verb in ("grabbed", "caught", "ate", "chewed up", "pulled in")
                ),
                # idioms and plain words people use for the same thing
                "burst", "soaked", "waterlogged", "soggy", "trashed", "tore", "torn open",
                "flattened", "scuffed",
                "crumpled", "mangled", "wrecked", "fried", "dead on arrival", "doa", "junk",
                "went off", "gone off", "bent", "can't sell", "cannot sell", "cant sell",
                "can't be sold", "no longer sell", "nobody will buy", "won't sell",
                "fell off", "knocked over", "dinged", "faded", "discolored", "discoloured",
                "defrosted", "squished", "smushed", "kaput", "beyond repair", "write-off quality",
                "not fit for sale", "unfit for sale", "past its best",
                "dead", "sun damaged", "moth damaged", "bug infested", "mildewed",
                "rats", "rat", "chewed", "gnawed", "vermin", "weevils", "moths", "bugs",
                # ("7 clothbound quarters have mites, pitching them": round 266)
                # ("star anise x 25 found moth larvae": round 274 read "found" as an overage)
                "larvae", "moth larvae", "meal moths", "grain moths",
                # (not "mites" alone: "run the misters" is one letter from it)
                "has mites", "have mites", "w/ mites", "with mites", "spider mites",
                "cheese mites", "got mites",
                "insects", "droppings", "kinked", "snagged",
                # a paint store's tint gone wrong; goods fused or threads ruined
                "mistint", "mistinted", "mistints", "mis-tint", "mis-tinted",
                "stuck together", "bad threads", "stripped threads", "threads stripped",
                "humidity",
                misspelled={
                    "damged": "damaged", "dammaged": "damaged", "damadged": "damaged",
                    "damagd": "damaged", "damanged": "damaged", "dmaged": "damaged",
                    "damgaed": "damaged", "dmged": "damaged", "dmgd": "damaged",
                    "dmg": "damaged", "expird": "expired", "expried": "expired",
                    "exipred": "expired", "experied": "expired", "expierd": "expired",
                    "exprired": "expired", "obselete": "obsolete", "obsolite": "obsolete",
                    "obsolette": "obsolete", "obsolte": "obsolete", "absolete": "obsolete",
                    "brokn": "broken", "borken": "broken", "brocken": "broken", "brkn": "broken",
                    "ripd": "ripped", "rippd": "ripped", "riped": "ripped",
                    "spoild": "spoiled", "spolied": "spoiled", "crushd": "crushed",
                    "defected": "defective", "obsolet": "obsolete", "damges": "damaged",
                    "damgs": "damaged", "dameged": "damaged", "damiged": "damaged",
                    "obsolate": "obsolete", "obsoleet": "obsolete", "damagaed": "damaged",
                    "damagedd": "damaged", "chrushed": "crushed",
                    "expirde": "expired", "expiered": "expired", "smahsed": "smashed",
                    "smashd": "smashed", "brokem": "broken",
                    # counter shorthand, as "dmg": "CHZ-3310 x4 exp"
                    "exp": "expired", "expd": "expired", "ruind": "ruined", "rined": "ruined",
                },
            ),
            # thrown out by staff ("toss em", "its trash"): a loss when nothing else is said,
            # never a sure one ("found 2 with the soles coming off, toss": found goods the
            # books may not hold)
            Words(
                "toss", "tossed", "tossing", "toss it", "toss em", "toss them", "tossed out",
                "thrown out", "threw out", "throw out", "thrown away", "threw away",
                "throw away", "discarded", "discard", "disposed of", "junked", "chucked",
                "its trash", "it's trash", "in the trash", "trash it", "trash them",
                # ("mouse droppings all over the masks": a mess, never a count over the books)
                "all over",
                weak=True,
                fuzzy=False,
            ),
            # "lost" with no cause and no count against the books: goods known to be gone, a
            # write-off (a shortfall is a count below the books with no known cause: "lost 3
            # somewhere, count is short" is one); a cause beside it wins
            Words("lost", weak=True, fuzzy=False),
            # a part gone from the goods: "1 more FX4 missing the motor head" is damage, not goods
            # missing from the shelf
            Words(
                "missing the", "missing his", "missing her",
                near=("head", "motor", "lid", "lids", "cap", "caps", "part", "parts", "piece",
                      "pieces", "cord", "handle", "screws", "hardware", "manual", "battery",
                      "charger", "remote", "knob", "base", "glass", "top", "door", "wheel",
                      "blade", "plug", "cable", "insert", "tray", "case", "box"),
                fuzzy=False,
            ),
            # Goods that left us and never arrived: lost, not a count's shortfall; "no trace",
            # "missing" beside them tell the same story ("lost in transit, carrier says no trace")
            Words(
                "lost in transit", "lost in shipping", "lost in shipment", "lost in the mail",
                "lost in the post", "lost by the carrier", "carrier lost", "lost en route",
                "lost on the truck", "lost in delivery", "lost by the courier", "courier lost",
                # ("freight lost 10 X somewhere between our warehouse and the showroom":
                # round 335 drafted a sure shrinkage)
                "freight lost", "ups lost", "fedex lost", "usps lost", "dhl lost", "shipper lost",
                "trucker lost", "freight co lost", "freight company lost",
                # (typed as it often is: one phrase, so fuzzy matching of its words is off)
                "lost in tranist", "lost in trasit", "lost in transt", "lost in transti",
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # gone where nothing comes back from: "2 bags of spring rings went down the floor
            # drain, gone for good" is destroyed goods, not a count's shortfall
            Words(
                "down the drain", "down the floor drain", "down the sink drain",
                "down the sink", "down a drain", "down the toilet", "into the sweeps",
                # (said with "went": one phrase, or the cold store's "went down" takes it)
                "went down the drain", "went down the floor drain", "went down the sink drain",
                "went down the sink", "went down a drain", "went down the toilet",
                "went into the sweeps",
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # ... said apart: "lost 1 box of paring knives KN-3150 in transit", "2 X lost
            # on the way between our two stores"
            Words(
                "in transit", "en route", "on the way", "in shipping", "in the mail",
                near=("lost", "lose", "losing"),
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # a cold store that stopped: "freezer 3 failed overnight, lost 36 tubs"
            Words(
                "failed", "went down", "broke down", "quit", "went out", "conked out",
                "crapped out", "cut out", "tripped",
                # ("walk-in #2 down, lost 6 cs", "lost in the walk-in failure", "the walk-in
                # was at 58 degrees")
                "was down", "is down", "been down", "down overnight", "failure", "degrees", "warm",
                # ("freezer door 6 got left open overnight, lost 14 bowls")
                "left open", "propped open", "door open", "door was open",
                near=("freezer", "freezers", "cooler", "coolers", "fridge", "fridges",
                      "refrigerator", "chiller", "compressor", "walk-in", "reefer", "power"),
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # How warehouse staff say it in Slack when no damage word is used: the goods
            # split, caved in, got drenched, stopped working, failed QC, went in the skip, or
            # nobody buys them any more (obsolescence). Exact words only: several are short or
            # common enough that a fuzzy match would land on something else.
            Words(
                "split", "split open", "splits", "splitting", "bags split", "burst open",
                "busted open", "ripped open", "caved in", "caved", "collapsed", "fell over",
                "toppled", "toppled over", "fell off the pallet", "fell off the shelf",
                # ("boiled over on the charger": what happened, no count over the books)
                "boiled over", "boiling over", "bubbled over", "spilled over", "blew over",
                "flipped over", "rolled over",
                # ("stacked the totes too high and one went over": it fell)
                "went over", "keeled over", "tumbled over", "tipped right over",
                # ("1 box with a forklift hole in it")
                "hole in it", "holes in it", "hole in the side", "hole through it",
                "forklift hole", "fork hole", "forklift holes",
                # ("20 prints creased in the flat file")
                "creased", "crinkled",
                "knocked off", "knocked off the shelf", "knocked down", "run over", "ran over",
                "forklifted", "speared", "mashed", "banged up", "beat up", "beaten up",
                "dinged up", "dented in", "popped", "ruptured", "leaky", "leaks", "leak",
                "drenched", "sodden", "saturated", "damp", "water got in", "got wet",
                "wet through", "rained on", "mouldering", "moulded", "molded", "mould on",
                "mold on", "rusty", "rust", "sun bleached", "bleached", "moth eaten",
                "spilt", "spillage", "smells", "stinks", "tampered", "tampered with",
                "seal broken", "broken seal", "seals broken", "broken seals", "seal failed",
                "seals failed", "failed seal", "failed seals", "bad seal", "bad seals",
                "lost seal", "doesn't work", "doesnt work", "don't work",
                "dont work", "not working", "won't work", "wont work", "won't turn on",
                "wont turn on", "stopped working", "no power", "freezer failed",
                "freezer died", "fridge died", "fridge failed", "cooler failed",
                "cooler failure", "freezer failure", "fridge failure", "reefer failed",
                "reefer failure", "compressor failed", "compressor died", "walk-in failed",
                "walk-in died", "lost power", "power was out", "power went out",
                "chiller failed", "qc fail", "qc failed", "failed qc", "failed inspection",
                # ("5 helmets failed recert": out of their safety certification)
                "failed recert", "failed recertification", "failed certification",
                "failed cert",
                "failed quality", "quality fail", "reject", "rejects", "binned", "skip",
                "in the skip", "skipped", "dumpster", "dumped", "unfit", "bbe passed",
                "gummy", "gone gummy", "went gummy", "nicked up", "got nicked up", "runs in",
                # ("dragged thru the mud", "lipstick all over the bodice", "iron scorch marks",
                # "3 stones popped out", "elastic gone")
                # goods lost by the laundry or the trash, destroyed all the same ("laundry
                # vendor lost 2 doz king flats", "went out w/ the trash by mistake")
                "at the laundry", "laundry lost", "vendor lost", "lost by the laundry",
                # ("lost 1 btl, slipped right outta my hand")
                "slipped out", "slipped outta", "slipped right out", "slipped right outta",
                "slipped from", "slipped out of",
                # ("driver lost the topper sign again", "8 cc readers lost by drivers")
                "driver lost", "drivers lost", "lost by drivers", "lost by the driver",
                "lost by a driver", "lost by the drivers",
                "out w/ the trash", "out with the trash", "in the trash by mistake",
                "dragged thru", "dragged through", "in the mud", "lipstick", "makeup stain",
                "makeup on", "foundation all over", "scorch marks", "scorch mark", "popped out",
                # ("14 dz sheets ironer scorch": the ironer's burn on linen)
                "scorch", "ironer scorch", "scorch damage",
                "elastic gone", "elastic shot",
                "got runs",
                # ("forklift tine went thru 3 boxes", "knocked the tube off the shelf, its
                # done", "tip burn")
                "went thru", "went through", "forked", "got forked", "its done", "it's done",
                "its toast", "it's toast", "tip burn",
                "not worth fixing", "not worth repairing", "not worth the repair",
                "cord cut", "cut cord", "missing links", "links missing", "pieces are gone",
                # ("lg drain pumps 2 bad out of box")
                "bad out of box", "bad out of the box", "bad ootb", "dead out of box",
                "dead out of the box", "dead ootb", "failed out of box", "failed out of the box",
                "didnt make it", "didn't make it", "did not make it", "seized up", "delam",
                # ("7 x 6308-2RS @ 14.25, seized": a bearing or a motor locked solid)
                "seized", "seized solid", "locked up",
                # rope worn through, resin or paint set in the can, a tyre cut
                "chafed", "chafe", "gelled", "gelled up", "sidewall cut", "sidewall cuts",
                # an inspector's verdict on food: unfit, destroyed ("USDA condemned")
                "condemned", "got condemned", "was condemned", "were condemned",
                "delam'd", "delamed", "mush",
                "use by passed", "sell by passed", "end of line", "old model", "old stock",
                "old version", "no demand", "not selling", "never sold", "no longer sold",
                "no longer stocked", "no longer carried", "no longer made",
                "slow mover", "non moving", "shelf worn", "shop soiled",
                "shopworn", "out of season", "last season", "last season's", "seasonal leftovers",
                "end of season", "no longer compatible", "incompatible", "no one will buy",
                "nobody wants", "no one wants", "bbe", "water ingress", "ingress", "moisture",
                "condensation", "cracks", "crack", "hairline crack", "hairline cracks", "dents",
                "dent", "tears", "holes", "stains", "scratches",
                # plain or non-native English: any tense or number of the verb, and what
                # happened said instead of a damage word ("arrived in pieces", "forklift hit
                # the rack", "backed the pallet jack into the shelf")
                "break", "breaks", "breaked", "broked", "breaking", "damages", "damaging",
                "damage it", "go bad", "goes bad", "going bad",
                "break in transit", "break in the sink", "break in the box", "break in shipping",
                "break in delivery", "break in the dishwasher", "break in half",
                "in pieces", "into pieces", "to pieces", "in bits", "in two pieces", "snapped",
                "snapped in half", "broke in half", "broken in half", "cracked in half",
                # squeezed in something, not taken ("6 DMX 25s pinched in the deck")
                "pinched in", "pinched under", "pinched between", "got pinched in",
                "pinched in the", "pinched by the",
                "fell to pieces", "fall to pieces", "came apart", "come apart", "falling apart",
                "fell apart", "fall apart", "backed into", "backed the pallet jack into",
                "backed the forklift into", "reversed into", "drove into", "crashed into",
                "forklift into", "pallet jack into", "forklift went into", "forklift ran into",
                "ran into the", "hit the rack", "hit the racking", "hit the shelf",
                "hit the shelving", "hit the pallet", "forklift hit", "pallet jack hit",
                "forklift accident", "forklift damage", "collision", "collided", "fell down",
                "collapse", "to a forklift", "to the forklift", "forklift vs", "belly up",
                # the warehouse's own trucks are no road vehicles ("reach truck clipped the
                # bleach pallet": round 307 read a road accident)
                *(
                    f"{lift} {w}"
                    for lift in ("reach truck", "hand truck", "pallet truck", "fork truck",
                                 "lift truck", "order picker", "stock picker")
                    for w in ("clipped", "crashed", "crash", "hit", "backed into", "rolled over",
                              "accident",
                              "tipped over", "flipped over", "overturned", "got hit", "was hit",
                              "collided", "wrecked")
                ),
                # a part torn from the goods ("unicorn horn ripped off"), not goods stolen
                *(
                    f"{part} {torn} off"
                    for part in ("horn", "horns", "handle", "handles", "strap", "straps",
                                 "label", "labels", "tag", "tags", "lid", "lids", "cover",
                                 "zipper", "zip", "button", "buttons", "ear", "ears", "arm",
                                 "arms", "leg", "legs", "head", "wheel", "wheels", "knob",
                                 "hinge", "hinges", "sole", "soles", "heel", "heels", "snap",
                                 "snaps", "clasp", "clasps", "buckle", "buckles", "hook",
                                 "hooks", "cap", "caps", "cord", "cords", "sleeve", "sleeves")
                    for torn in ("ripped", "torn", "broke", "broken", "snapped", "came",
                                 "fell", "pulled")
                ),
                "fell from", "fall from", "falled", "fallen off", "fallen down",
                "fell on the floor", "on the floor broken", "knock over", "knocks over", "smash",
                "fall on", "falls on", "fell on", "fallen on", "fell onto", "fall onto",
                "smashes", "cracking", "shatter", "crushing", "crush",
                "not working anymore", "no good", "no good anymore", "not good anymore",
                # livestock and plants ("25 neon tetras lost to whitespot", "all died"), goods
                # lost when equipment failed ("when the pump failed"), cut wrong at the saw
                "died", "die-off", "diseased", "pump failed", "filter failed", "heater failed",
                "power outage", "power cut", "useless", "cut short", "cut too short", "miscut",
                "mis-cut",
                fuzzy=False,
            ),
            # Things that stopped working, said by what the user sees ("won't power on",
            # "no picture", "lines across the screen"); goods spoilt in a way of their own
            # ("corked", "gone flat", "shrunk in the wash"); obsolescence told as a story about
            # buyers ("nobody's bought the 2019 model in 2 years"). Exact words: "flat",
            # "off" and "bought" alone mean other things.
            Words(
                *(
                    f"{neg} {verb}"
                    for neg in ("won't", "wont", "will not", "doesn't", "doesnt", "does not",
                                "don't", "dont", "didn't", "didnt", "can't", "cant", "cannot",
                                "wouldn't", "wouldnt")
                    for verb in ("power on", "power up", "turn on", "switch on", "boot",
                                 "boot up", "start", "start up", "charge", "hold a charge",
                                 "hold charge", "light up", "spin", "pair", "connect", "play",
                                 "heat up", "cool", "work")
                    if f"{neg} {verb}" not in (
                        "won't work", "wont work", "doesn't work", "doesnt work", "don't work",
                        "dont work", "won't turn on", "wont turn on")
                ),
                "not powering on", "no power on", "not turning on", "not charging",
                "stopped charging", "stopped turning on", "stopped powering on",
                "stopped holding a charge", "stopped pairing", "stopped playing",
                "dead battery", "battery dead", "dead batteries",
                "batteries dead", "no picture", "no display", "no sound", "no signal",
                "blank screen", "black screen", "screen blank", "screen black",
                "lines across the screen", "lines on the screen", "lines across screen",
                "lines on screen", "dead pixels", "cracked screen", "screen cracked",
                "broken screen", "screen broken", "bricked", "dead on delivery", "d.o.a.",
                "arrived dead", "came dead", "faulty on arrival", "failed on arrival",
                "short circuited", "shorted out", "burnt out", "burned out", "blown",
                # a motor that burned is a failed part, not a fire
                "burnt motor", "burnt motors", "burned motor", "burned motors", "motor burnt",
                "motor burned", "motors burnt", "motors burned", "burnt up motor",
                "burnt coil", "burned coil", "burnt windings", "burned windings",
                "flicker", "flickers", "flickering", "screen flickers", "boot loop",
                "boot loops", "boot looping", "stuck on the logo", "stuck on logo", "swollen",
                "swollen battery", "swollen batteries", "bulging", "bulging battery", "buzzing",
                "bulged", "swelled",
                "crackling", "distorted", "overheats", "overheating", "smoking", "sparking",
                "frozen screen", "unresponsive", "glitchy",
                # what happened to perishables and packs, said instead of a damage word
                "water got into", "water got inside", "got water in", "got water inside",
                "bloated", "bloated cartons", "blown cartons", "swollen cans", "blown cans",
                "past shelf life", "shelf life expired", "beyond shelf life", "out of shelf life",
                "left out overnight", "left out all night", "left out of the fridge",
                "left out of the freezer", "left out of the cooler", "left in the sun",
                "left in the heat", "left in the rain", "left outside", "not refrigerated",
                "temperature abuse", "out of temp", "temp abuse", "temp excursion",
                "temperature excursion", "cold chain excursion", "arrived warm", "went warm",
                "cold chain broken", "cold chain break",
                # worn or aged surfaces and fabrics
                "wilted", "wilting", "peeling", "peeled", "tarnished", "pilled", "pilling",
                # ("7 PEP.MINI.1 bags went wrinkly": produce gone past selling; round 248)
                "wrinkly", "went wrinkly", "gone wrinkly", "wrinkled up",
                "frayed", "fraying", "splayed", "unravelled", "unraveled", "delaminated",
                "delaminating",
                "corrosion", "oxidised", "oxidized", "yellowed", "brittle", "perished seals",
                "corked", "cork taint", "gone flat", "went flat", "all flat", "lost its fizz",
                "got cooked", "cooked in the heat", "cooked in the sun",
                "has gone off", "had gone off", "eaten by moths",
                "shrunk in the wash", "shrank in the wash", "shrunk in wash", "shrunk",
                "shrank", "sun faded", "colour faded", "color faded",
                # cold and heat ("froze in the reefer", "heat damaged on the truck"), plants
                # and stems past their best, livestock lost with its tank
                "went black", "turned black", "gone black", "sprouting", "sprouted", "rot",
                "brown rot", "stem rot", "crown rot", "soft rot", "black rot",
                # a produce wholesaler's spoilage (round 186: refused as no write-off)
                "slimed", "got fuzzy", "went fuzzy", "gone fuzzy", "greened", "greened up",
                "shriveled", "shrivelled", "shriveled up", "shrivelled up", "tipburn", "wet rot",
                "past it",
                "sliced", "sliced open", "gashed", "slimy", "slimey", "gone slimy",
                "went slimy", "off color", "off colour", "puffed up", "puffed",
                "dropped off the forklift", "dropped off the forks", "dropped off the shelf",
                "dropped off the top shelf", "dropped off the rack", "dropped off the truck",
                "dropped off the pallet", "dropped off the cart", "dropped off the dolly",
                "dropped off the ladder", "dropped off the counter", "dropped off the table",
                # ("2 cs of X (we pay $470/cs) dropped off the mezz", round 174)
                "dropped off the mezz", "dropped off the mezzanine", "dropped off the ledge",
                "dropped off the lift", "fell off the mezz", "fell off the mezzanine",
                "froze", "froze solid", "frozen solid", "freeze damage", "freeze damaged",
                # ("pails that froze over break": frozen, not a count's "over"; round 179)
                "froze over",
                "got frozen", "got froze", "settled hard", "settled out",
                "frost damage", "frost damaged", "heat damage", "heat damaged", "went yellow",
                "turned yellow", "gone yellow", "yellowing", "tank crashed",
                # a nursery's or a farm's losses ("jan 2-5 freeze, 48 flats gone", "lost 2 to
                # borers", "lost half to heat", "frost bit", "heat wave: 18 ferns cooked")
                "freeze", "hard freeze", "frost bit", "frostbit", "frost bitten", "to the heat",
                "to heat", "heat wave", "heatwave", "borers", "to borers", "deer damage",
                "deer ate", "voles", "rabbits ate",
                "superseded by", "replaced by the new", "new model came out",
                misspelled={"cokred": "corked", "corkd": "corked", "frozn": "froze"},
                fuzzy=False,
            ),
            # Idioms with no damage word, by kind of goods (what staff say they saw): powders
            # that set ("hardened", "rock hard"), goods that went through a machine or were
            # speared by a forklift, marked surfaces, made wrong (misprints, bad zippers, failed
            # QC or sterility), produce past its best, recalls and dates by other names, and
            # goods that fell or are "done". Exact words: "fell", "toast" or "shot" alone would
            # be too loose for fuzzy matching.
            Words(
                "hardened", "went hard", "gone hard", "goes hard", "set hard", "set up hard",
                "setup hard", "set solid", "rock hard", "rock solid", "solidified",
                "caked", "caked up", "clumped", "clumped up", "turned to stone", "gone lumpy",
                "went through the baler", "through the baler", "in the baler",
                "went in the baler", "went through the shredder", "through the shredder",
                "went in the shredder", "shredded", "went through the compactor",
                "through the compactor", "compacted", "baled", "baled by mistake",
                "forklift went through", "forklift went thru", "forks went through",
                "tines went through", "forked through", "went through them with the forklift",
                "gouged", "gouge", "gouges", "gouged up", "scuff", "scuffs", "scuff marks",
                "scuffed up", "scratched up", "warp", "warping", "buckled", "buckling",
                "misprinted", "misprint", "misprints", "printing error", "print error",
                # ("a quarter of the 80 copies that came in are misbound", round 182)
                "misbound", "mis-bound", "binding error", "pages missing",
                "printed wrong", "wrong print", "bad print", "bad zipper", "bad zippers",
                "broken zipper", "broken zippers", "zipper broken", "zippers broken",
                "faulty zipper", "faulty zippers", "broken zips", "zips broken",
                "bad stitching", "bad seams", "seams split", "failed quality control",
                "failed quality check", "failed qa", "qa failed", "qa fail", "failed the qc",
                "failed sterility", "failed sterility test", "failed sterility testing",
                "failed the sterility test", "sterility failure", "sterility failed",
                "not sterile", "non sterile", "sterile barrier broken",
                "overripe", "over ripe", "overly ripe", "too ripe", "gone soft", "went soft",
                "going soft", "gone mushy", "went mushy", "mushy", "gone brown", "went brown",
                "bloated can", "bloated cans", "blown can", "swollen can", "bulging cans",
                "past its shelf life", "past their shelf life", "past the best before",
                "past the use by", "past the sell by", "past code",
                "freezer burnt", "freezer burns", "freezer burn damage",
                "manufacturer recall", "manufacturer's recall", "recalled lot", "recall notice",
                "product recall", "safety recall", "under recall", "on recall",
                "fell", "falls", "tipped over", "came off the forks",
                "screen is done", "screens are done", "screen's done", "screen done",
                "is done for", "are done for", "is toast", "are toast", "knackered",
                "is shot", "are shot", "totaled", "totalled", "write off job",
                misspelled={
                    "overipe": "overripe", "overripened": "overripe", "ovveripe": "overripe",
                    "overrippe": "overripe", "harddened": "hardened", "hardend": "hardened",
                    "misprited": "misprinted", "missprinted": "misprinted",
                    "mispritned": "misprinted", "misprnted": "misprinted",
                    "gowged": "gouged", "gougd": "gouged",
                },
                fuzzy=False,
            ),
            # Quality: the goods were made, filled, labelled or tested wrong ("bad batch",
            # "failed QC", "out of spec", "contaminated", "mislabeled"); unsellable as made.
            # Exact words: "bad", "batch", "label" and "spec" alone mean other things.
            Words(
                *(
                    f"{bad} {what}"
                    for bad in ("bad", "faulty", "defective", "contaminated", "rejected",
                                "failed", "reject", "dud", "off", "tainted", "recalled")
                    for what in ("batch", "batches", "lot", "lots", "run", "production run",
                                 "shipment", "delivery")
                    if f"{bad} {what}" != "recalled lot"
                ),
                # made wrong: a joint, weld, crimp or wiring that fails ("3 XLR-25 with bad
                # solder joints")
                *(
                    f"{bad} {what}"
                    for bad in ("bad", "faulty", "failed", "cold", "broken", "loose")
                    for what in ("solder", "solder joint", "solder joints", "solder joins",
                                 "weld", "welds", "crimp", "crimps", "wiring", "connector",
                                 "connectors", "pins")
                    if not (bad == "cold" and not what.startswith("solder"))
                ),
                "failed test", "failed testing", "failed the test", "failed lab test",
                "failed lab testing", "failed qc check", "failed qa check", "failed audit",
                "failed quality inspection", "failed incoming inspection", "failed inbound qc",
                "qc reject", "qc rejected", "qc rejects", "qa reject", "qa rejected",
                "rejected by qc", "rejected by qa", "rejected at qc", "rejected at qa",
                "rejected on inspection", "rejected at inspection", "rejected at receiving",
                "didn't pass qc", "didnt pass qc", "did not pass qc", "didn't pass inspection",
                "didnt pass inspection", "did not pass inspection", "quality issue",
                "quality issues", "quality problem", "quality problems", "quality defect",
                "off spec", "offspec", "out of specification", "not to spec",
                "not to specification", "not up to spec", "below spec", "outside spec",
                "outside of spec", "out of tolerance", "outside tolerance",
                "wrong spec", "wrong specification", "substandard", "sub standard",
                "nonconformance", "non-conformance",
                "defect", "defects", "manufacturing defect", "manufacturing defects",
                "factory defect", "factory defects", "factory fault", "factory seconds",
                "seconds quality", "contamination", "cross contaminated", "cross contamination",
                "adulterated", "tainted",
                "foreign object", "foreign body", "foreign matter", "glass in product",
                "metal in product",
                # ("QA found feathers in 3 X packs": what was found in the goods spoils them;
                # round 297 read "found" as a count over the books, at 0.87)
                "found feathers", "found hair", "found glass", "found metal", "found bugs",
                "found insects", "found weevils", "found mold", "found mould", "found plastic",
                "found bone", "found bones", "found a bone", "found droppings",
                "found rodent droppings", "found mouse droppings", "found debris",
                "mislabeled", "mislabelled", "mis-labeled",
                "mis-labelled", "mislabel", "mislabels", "mislabeling", "mislabelling",
                "wrong label", "wrong labels", "wrong labelling", "wrong labeling",
                "labelled wrong", "labeled wrong", "labelled incorrectly",
                "labeled incorrectly", "incorrectly labelled", "incorrectly labeled",
                "missing label", "missing labels", "no label", "no labels",
                "wrong barcode", "wrong barcodes", "barcode wrong", "misbranded",
                "mispacked", "mis-packed", "packed wrong", "underfilled", "under filled",
                "overfilled", "short filled", "wrong colour", "wrong color",
                "data transfer damage", "transfer damage", "damaged in transfer",
                "damaged during transfer", "transfer damaged", "faild qc", "failed q c",
                misspelled={
                    "mislabled": "mislabeled", "mislabeld": "mislabeled",
                    "mislabelld": "mislabelled", "missabeled": "mislabeled",
                    "mislabaled": "mislabeled", "mislablled": "mislabelled",
                    "substandart": "substandard", "defets": "defects", "defecs": "defects",
                },
                fuzzy=False,
            ),
            # Damage told as what happened ("took a tumble", "hit the deck", "went flying")
            # and spoilage as what the food did ("on the turn", "passed its date", "smells
            # off"): exact words, several are everyday phrases one letter from others.
            Words(
                "took a tumble", "taken a tumble", "take a tumble", "had a tumble", "took a dive",
                "taken a dive", "took a fall", "taken a fall", "had a fall", "hit the deck",
                "hit the floor", "hit the ground", "came crashing down", "come crashing down",
                "crashed down", "crashed to the floor", "went flying", "came a cropper",
                "went splat", "bit the dust", "smithereens", "pancaked", "trampled", "stepped on",
                "drove over", "driven over", "backed over", "reversed over",
                "forklift went over", "came off the pallet", "slid off",
                "slipped off", "went over the edge", "passed its date", "passed their date",
                "passed the date", "passed date", "date passed", "date has passed", "dates passed",
                "dates have passed", "on the turn", "gone green", "went green", "smelling off",
                "smell off", "smelt off", "tastes off", "taste off", "tasted off", "gone funny",
                # ("10 bags smell funky": round 281)
                "smell funky", "smells funky", "smelled funky", "smelling funky",
                "went funny", "over date", "overdate", "overdated", "over dated", "dated out",
                "curdling", "gone fizzy", "went fizzy",
                fuzzy=False,
            ),
            # Obsolescence told as nobody buying: a reason only beside time or a request
            # ("nobody's bought the 2019 model in 2 years; write off the remaining 35"); "we
            # haven't sold 40 SKU-12 yet" is news, not a loss.
            Words(
                "nobody's bought", "nobodys bought", "nobody has bought", "nobody bought",
                "no one has bought", "no one's bought", "no one bought", "noone bought",
                "never been bought", "hasn't been bought", "hasnt been bought",
                "haven't been bought", "havent been bought", "not been bought",
                "nobody buys", "no one buys", "nobody's buying", "no one's buying",
                "nobody is buying", "no one is buying", "customers stopped buying",
                "stopped buying", "stopped selling", "hasn't sold", "hasnt sold",
                "haven't sold", "havent sold", "hasn't sold in", "not sold in",
                "not sold since", "hasn't moved", "hasnt moved", "haven't moved",
                "not moved in", "no sales", "zero sales", "no sales since", "no sales in",
                "haven't bought", "havent bought", "hasn't bought", "hasnt bought",
                "don't buy", "dont buy", "doesn't buy", "doesnt buy", "no longer buy",
                "no longer buying", "nobody orders", "no one orders", "nobody ordered",
                "no one ordered", "stopped ordering", "no orders", "none sold", "zero sold",
                "sold none", "never sells", "not a single one sold", "nothing sold",
                "nobody's touched", "nobody has touched", "nobody touched", "no one's touched",
                "no one has touched", "no one touched", "untouched", "gathering dust",
                "collecting dust", "sat there for", "been sitting for", "sitting there for",
                near=(
                    "anymore", "any more", "since", "years", "months", "year", "ages",
                    "no longer", "model", "models", "version", "range", "season", "write off",
                    "write them off", "write it off", "w/o", "scrap", "bin", "binned", "toss",
                    "dispose", "left", "remaining", "obsolete",
                ),
                fuzzy=False,
            ),
            # Dates on food and other perishables, said every way people say them: "past
            # their use-by", "past sell-by date", "out of code", "curdled".
            Words(
                "use by", "past use by", "past their use by", "past its use by", "use by date",
                "past sell by", "past their sell by", "past its sell by", "sell by date",
                "past best before", "past their best before", "past its best before",
                "best before date", "past bb", "past bbe", "past the date", "past their date",
                "past its date", "past date code", "out of code", "date expired",
                # ("they're past dating": a test kit's dating, round 171)
                "past dating", "past their dating", "past its dating",
                # goods fouled by what got on them ("3 rolls got grease on them", "hydraulic
                # fluid all over it")
                "got grease on", "grease all over", "got oil on", "oil all over",
                "fluid all over", "got paint on", "paint all over", "ink all over",
                # ("3 tees with ink marks": round 270 read them as the sibling's theft)
                "ink marks", "ink mark", "ink stains", "ink stained", "pen marks", "marker on",
                # meat and fish gone off by its colour ("12.3 lb of top round went grey")
                "went grey", "gone grey", "turned grey", "went gray", "gone gray", "turned gray",
                # a coffee's or a beer's own dates ("past the 60 day roast date")
                "past the roast date", "past roast date", "past their roast date",
                "past its roast date", "past the freshness date", "past freshness date",
                "past the pack date", "past pack date", "past the freshness",
                "expiry date passed", "expiry passed", "past expiration", "expiration date",
                "rancid", "curdled", "gone stale", "went stale", "gone mouldy", "gone moldy",
                "went mouldy", "went moldy", "gone rotten", "went rotten", "gone sour",
                "went sour", "spoiling", "perished", "off smell", "smells off",
                fuzzy=False,
            ),
            # "turned" is food gone bad only beside a food word ("the milk turned"): "turned
            # up" and "turned in" are not a reason.
            Words(
                "turned", "has turned", "have turned", "had turned", "turned bad",
                near=(
                    "milk", "cream", "yogurt", "yoghurt", "juice", "dairy", "meat", "fish",
                    "produce", "fruit", "food", "cheese", "butter", "eggs", "bread", "wine",
                ),
                fuzzy=False,
            ),
        ),
    ),
    ReasonSpec(
        Category.SHRINKAGE,
        Kind.WRITE_OFF,
        priority=60,
        accounts=Posting(
            Role.SHRINKAGE,
            Role.INVENTORY,
            "Goods missing with no known cause are shrinkage, charged to the shrinkage account",
        ),
        claude_hint="goods missing on a count with no known cause",
        form=(FormChoice("shrinkage", "Shrinkage / missing", "missing"),),
        words=(
            Words(
                "shrinkage", "shrink", "missing", "short on count", "short", "count variance",
                "variance", "unaccounted for", "unaccounted", "cannot find",
                "can't find", "cant find", "not found", "misplaced", "disappeared",
                # ("unable to locate 2 X that show in stock")
                "unable to locate", "cant locate",
                "gone missing", "shortage",
                "could not find", "couldn't find", "cannot locate", "can't locate",
                "unexplained loss",
                "shortfall", "short against the system", "fewer than on the books",
                "less than the system", "less than on the books", "less than the books",
                "can't account for", "cannot account for", "cant account for",
                "came up short", "come up short", "nowhere to be found",
                "vanished", "not on the shelf", "gone astray", "went astray",
                "cannot be found", "can't be found", "could not be found", "couldn't be found",
                "can not find", "no trace", "not where they should be",
                "not there", "nowhere", "nowhere to be seen", "can't be located",
                "cannot be located", "could not locate", "couldn't locate", "not in the bin",
                "not in the location", "not on the shelves", "not in stock",
                "short by", "short of",
                "stock loss", "stock count short", "count short", "counted short",
                "lost track", "lost somewhere", "no sign of", "cannot trace", "can't trace",
                "untraceable", "mis-picked", "mispicked", "mis-shipped", "misshipped",
                # ("shelf count is 2 light vs the system")
                "came up light", "count is light", "count came up light", "light vs the system",
                # ("ghost inventory on the jumbo crayons: system says 80 boxes, shelf has zip":
                # round 254)
                "ghost inventory", "shelf has zip", "shelf has zero", "shelf has none",
                "shelf has nothing",
                "light vs system", "light against the system", "light on the count",
                "light on the books", "light on count",
                # ("couldnt find 2 X on the count", "5 world map puzzles are MIA on the count",
                # "8 sheets of foam board are a no-show on the count": rounds 227-235)
                "couldnt find", "couldnt locate", "could'nt find", "mia", "m.i.a.",
                "no-show on the count", "no-show on count",
                # ("x3 not on the peg at count, no idea where they went": round 239)
                "no idea where they went", "no idea where it went", "not on the peg",
                # ("ETT-75C: 20 walked. nobody knows where": round 284)
                "nobody knows where", "no one knows where", "noone knows where",
                # ("2 grips just went poof between counts", "no clue where it went", "fell off
                # the truck somewhere on the route, never found it", "never made it to the
                # floor": round 253)
                "went poof", "gone poof", "no clue where it went", "no clue where they went",
                "never found it", "never found them", "never made it to the floor",
                # ("4 pr X fell behind the counter, never to be seen again": round 338)
                "never to be seen again", "never seen again",
                "never made it to the shelf",
                "not on the pegs", "not on the hook", "dunno where they went",
                misspelled={
                    "misssing": "missing", "mising": "missing", "missng": "missing",
                    "shrinkge": "shrinkage", "misng": "missing", "msising": "missing",
                },
            ),
            # Fewer than there should be, said every way a count is said: "not accounted
            # for", "shy of the books", "count came in lower", "gone AWOL". Exact words.
            Words(
                "gone awol", "went awol", "awol", "gone walkies", "went walkies", "walkies",
                "not accounted for", "no longer on the shelf", "not on hand", "fewer than expected",
                "less than expected", "fewer than there should be", "less than there should be",
                "fewer than we should have", "less than we should have",
                "fewer than the count sheet", "less than the count sheet", "fewer on the shelf",
                "less on the shelf", "shy of the books", "under the books", "below the books",
                # "SKU-12 3 under book": the shelf is under the book quantity
                "under book", "under the book", "below book", "short of book", "under book qty",
                "under book count",
                "under what the system says", "below what the system says",
                # ("2 fewer than on the books", "40 bags fewer than the system shows")
                "fewer than the books", "fewer than books", "fewer than the system",
                "fewer than system", "less than system", "fewer than what the system",
                "less than what the system",
                "books higher than the count", "count lower than the books", "count is lower",
                "count was lower", "count came in lower",
                fuzzy=False,
            ),
            # "down 3 vs the system": fewer than the books say, only beside the books' count
            Words(
                "down", "under", "below", "fewer", "less", "light", "lower", "lower than",
                "shy", "came up shy", "come up shy",
                near=("system", "books", "on the books", "count", "counted", "records",
                      "stocktake", "stock take", "stocktaking", "audit", "physical",
                      "on hand", "on-hand", "sheet", "count sheet", "came up", "come up",
                      "inventory came",
                      # ("14 fewer bklts on the shelf than pos shows", "4 less than it says")
                      "pos", "qb", "quickbooks", "than it says", "than it shows"),
                fuzzy=False,
            ),
            # "gone" says what happened to the books, not why: a cause beside it wins
            Words("gone", weak=True, fuzzy=False),
            # "went walkabout": gone, perhaps taken, perhaps misplaced (round 157: "3 kegs
            # went walkabout" was shrinkage at 0.97, its writer unsure between the two)
            Words("went walkabout", "gone walkabout", "walkabout", weak=True, fuzzy=False),
            # "lost 15 boxes of staples on the count": lost to the books at a count
            Words(
                "on the count", "on the cycle count", "at the count", "in the count",
                "on count", "at count", "on the recount",
                # ("lost 25 NS1000 on the quarterly count"): whichever count it was
                *(
                    f"{at} the {when} count"
                    for at in ("on", "at", "in")
                    for when in ("quarterly", "monthly", "annual", "yearly", "weekly", "daily",
                                 "year-end", "month-end", "physical",
                                 "full", "spot", "blind", "last", "stock", "inventory")
                ),
                near=("lost",),
                fuzzy=False,
            ),
            # A count that is off says neither which way nor why: fewer than the books is the
            # likeliest reading, a direction word beside it ("we have more than the system")
            # wins. "the system says we have more than we do": the books are above the shelf.
            Words(
                "count is off", "counts off", "count's off", "off by", "out by", "discrepancy",
                "count discrepancy", "miscount", "mis-count",
                "miscounted", "count is wrong", "count was off", "counts don't match",
                "doesn't match the system", "does not match the system",
                weak=True,
                fuzzy=False,
            ),
            Words(
                "more than we do", "more than we have", "more than we actually have",
                "more than we really have", "more than there is", "more than there are",
                "more than is there", "more than are there", "more than is on the shelf",
                "more than on the shelf", "more than we counted", "more than we found",
                "more than we can find", "more than we could find", "more than physically there",
                "system says we have more", "system thinks we have more",
                "books say we have more", "system shows more", "books show more",
                "system has more", "books have more", "system is higher", "books are higher",
                "system is over", "system over", "over in the system", "over on the books",
                fuzzy=False,
            ),
        ),
    ),
    ReasonSpec(
        Category.CASUALTY,
        Kind.WRITE_OFF,
        priority=40,
        accounts=Posting(
            Role.WRITE_OFF_EXPENSE,
            Role.INVENTORY,
            "Theft and casualty losses are unusual, so they go to write-off expense at any "
            "amount",
        ),
        claude_hint="theft, fire, flood, storm, vandalism",
        form=(
            FormChoice("theft", "Theft", "stolen"),
            FormChoice("fire_flood", "Fire / flood", "fire or flood"),
        ),
        words=(
            # "pinched" is taken, or squeezed ("5 tubes pinched mounting tires"): theft only
            # when nothing else is said, and never sure
            # ... and "ripped off" is cheated, or torn ("snaps ripped off in the wash")
            Words("pinched", "ripped off", weak=True, fuzzy=False),
            # Taken: goods gone. "Damaged and stolen" is two stories, not one.
            Words(
                "theft", "stolen", "stole", "shoplifted", "shoplifting", "break-in", "burglary",
                "burgled", "robbery", "robbed", "looted", "thief", "thieves", "burglar",
                "burglars", "broken into", "pilfered", "pilferage", "looting", "shoplifter",
                "shoplifters", "heist", "hijacked", "broke into",
                # ("crooks hit the shop overnight, smashed the front glass / 20 X gone": the
                # glass was the way in; round 225 read the smashing as the goods' damage)
                "crooks", "crook", "smashed the front glass", "front glass smashed",
                "smashed the glass door", "glass door smashed", "hit the shop overnight",

                "hit the store overnight", "hit the warehouse overnight",
                "someone took", "somebody took", "someone stole", "cut the fence", "fence cut",
                # ("someone got into the locked cage over the weekend, 3 X gone", round 161)
                "got into the locked cage",
                "got into the locked", "broke into the locked",
                "fence was cut", "nicked", "got nicked",
                # ("2 of the 5 gal pails got jacked from the contractor desk", round 211)
                # (not "pallet got jacked into the rack": moved with a pallet jack)
                "got jacked from", "got jacked off", "got jacked out of", "were jacked from",
                "was jacked from", "got jacked overnight", "got jacked last night",
                "someone jacked", "somebody jacked",
                # ("someone's been nicking slippers out of the closet", round 173)
                "been nicking", "nicking",
                "walked off", "walked out", "lifted", "swiped",
                # ("$2,400 for the dented units and the ones that walked", round 173)
                "ones that walked", "ones who walked",
                "helped themselves", "helped himself", "helped herself", "help themselves",
                # ("caught a bartender on cam helping himself to tito's", "had a walkout on a
                # halter - kid strolled out the door with it", "some punks trashed the sidewalk
                # display": round 255)
                "helping himself", "helping herself", "had a walkout", "strolled out",
                "vandals trashed",
                "helping themselves", "made off with", "ran off with", "walked out with",
                "took off with", "went off with", "did a runner", "legged it",
                "got away with", "drove off with", "drove away with",
                "taken from", "were taken", "was taken", "got taken", "has been taken",
                "have been taken", "been taken", "shoplift", "knocked off from",
                # (a "5 finger discount" is read without its "5", which is no count)
                "nabbed", "half inched", "five finger discount", "finger discount",
                "finger discounted", "five finger discounted", "got boosted",
                # ("booster hit the nail aisle again, 9 gone": a shoplifter, round 254)
                "booster hit", "boosters hit", "a booster", "the booster",
                "five-fingered", "5-fingered",
                # ("somebody's been five-fingering the loupes", "5 finger discounting the
                # markers", "ecobees walked again": round 317)
                "five-fingering", "5-fingering", "finger discounting",
                # ("somebody's been lifting blade boxes off the counter display": round 320)
                "been lifting", "keeps lifting", "been swiping",
                # ("guest in 1810 skipped out w/ 2 robes in his suitcase": round 322)
                # ("cig cage got busted into over the weekend": round 323)
                "busted into", "got busted into",
                # ("door 7 trailer 5531 - seal cut overnight, 14 X gone": round 323)
                "seal cut", "seal was cut", "cut the seal",
                "in his suitcase", "in her suitcase", "in their suitcase", "skipped out w/",
                "skipped out with",
                "walked again",
                # ("someone got into the cage last night, 2 grand of pens gone")
                "got into the cage", "broke into the cage", "got in the cage",
                "somebody boosted", "someone boosted", "boosted from", "boosted off",
                "boosted out of", "yoinked", "walked from",
                "sticky fingers", "grabbed", "smash and grab", "smash & grab", "smash n grab",
                "smash n' grab", "broke in",
                "pocketed", "snatched", "steal", "stealing", "steals", "missing from the cage",
                "gone from the cage", "taken from the cage", "missing from the locked cage",
                "missing from cage", "gone from cage",
                "gone from the locked cage", "went missing from the locked cage",
                "went missing from the cage", "burglarized", "burglarised",
                "missing from the same cage", "gone from the same cage",
                # a robbery, or a lock or fence cut to take the goods
                "holdup", "hold-up", "held up at", "armed robbery",
                "cut the chain", "cut the padlock", "cut through the fence",
                # ("someone cut the cage lock at depot B, 6 X gone")
                "cut the cage lock", "cage lock cut", "cut the cage", "cut the lock off",
                "missing out of the cage", "went missing out of the cage", "gone out of the cage",
                "taken out of the cage", "missing out of the locked cage",
                # ("x2 went missing outta the cage (C-2)", "2pr missing @ cage C1": round 179)
                "missing outta the cage", "gone outta the cage", "missing outta cage",
                "missing @ cage", "missing @ the cage", "gone @ cage", "missing at cage",
                # ("3 X gone walkabout from the cage", "the cage was open this am and 2 X are
                # gone, security's pulling the tape", "driver was caught taking 2 cs X off
                # the truck", "brake in at the warehouse sat night": round 221-223)
                "gone walkabout from the cage", "went walkabout from the cage",
                "walkabout from the cage", "walkabout out of the cage", "cage was open",
                "cage was left open", "pulling the tape", "pulling the footage",
                "pulling the cctv", "pulling the cameras", "caught taking", "caught stealing",
                "caught nicking", "brake in at", "brake in last",
                # taken and kept: "took 1 bike out for a test ride and never came back"
                "never came back", "never brought it back", "never brought them back",
                # ("loaded 20 4x4s and drove off w/o paying")
                "w/o paying", "didn't pay", "didnt pay", "did not pay",
                # ("guy ran out the door w/ 2 handles", "camera shows him pocketing them")
                "ran out the door with", "ran out the door w/", "ran out with", "ran out w/",
                "ran off w/", "walked out w/", "walked off w/", "pocketing", "pried",
                # ("camera shows him taking 3 cs home with him", "loading stuff into his own
                # car"): an employee's theft told as what was seen
                "home with him", "home with her", "home with them", "into his own car",
                "into her own car", "into his car", "into her car", "into his truck",
                "door pried", "pried the door", "in their purse", "in her purse",
                # ("case 3 lock popped, X x2 gone": a lock forced, not goods broken; it was a
                # sure loss by 'popped')
                "lock popped", "popped the lock", "lock got popped", "lock was popped",
                "in his pocket", "in their pockets", "under his shirt", "under her shirt",
                # ("cam shows a lady walking out with them under her coat")
                "walking out with", "walking out w/", "walks out with", "walk out with",
                "under her coat", "under his coat", "under their coat", "in his coat",
                "in her coat", "under his jacket", "under her jacket", "in his jacket",
                "in her jacket", "in his bag", "in her bag",
                # ("def someone stuffed them in a backpack, its on the camera", "someone wore
                # them out under their sweats": round 250)
                "stuffed them in", "stuffed it in", "in a backpack", "into a backpack",
                "in his backpack", "in her backpack", "in their backpack", "wore them out under",
                "wore it out under", "under their sweats", "under his sweats", "under her sweats",
                # ("cctv shows a guy stuffing 2 X inside his jacket", round 182: shrinkage)
                "inside his jacket", "inside her jacket", "inside his coat", "inside her coat",
                "inside his shirt", "inside her shirt", "inside his bag", "inside her bag",
                "down his pants", "down her pants", "in his pants", "into his jacket",
                "into her jacket", "into his bag", "into her bag", "into his pocket",
                "into her pocket",
                # ("cleared the nicorette peg", "grab and run at 7:15", "2 boxes opened, units
                # gone, packaging stuffed behind the diapers"; a "booster" is a card pack too)
                "grab and run", "grab n run", "grab & run",
                # (not "units gone" alone: "2 units gone, count short" is a count's shortfall,
                # round 176)
                "cleared the peg", "cleared the shelf", "opened, units gone", "packaging stuffed",
                "empty boxes", "empty box",
                "never returned it", "never returned them", "reported to police",
                "reported to the police", "police report filed", "filed a police report",
                # plain or non-native English: someone took it, in any tense or number
                *(
                    f"{who} {verb}"
                    for who in ("someone", "somebody", "some one", "somone", "sombody",
                                "a person", "person",
                                "people", "a guy", "some guy", "a man", "a woman", "a customer",
                                "a thief", "kids", "a stranger", "strangers",
                                # ("guest took the plush robe, not on folio": a hotel's guest)
                                "guest", "a guest", "the guest", "guests", "the customer")
                    for verb in ("take", "takes", "took", "taked", "taken", "taking", "has taken",
                                 "has took", "have took", "had took",
                                 "have taken", "had taken", "steal", "steals", "stealed",
                                 "stoled", "grab", "grabbed", "walk off with", "walked off with",
                                 "walk away with", "walked away with", "walk out with",
                                 "run off with", "ran off with", "nick", "nicked",
                                 # ("someone's knocked off 4 fleeces from the display": a
                                 # person knocking goods off is a theft; goods knocked off a
                                 # shelf have no "someone" before them; round 290)
                                 "knocked off", "knock off", "has knocked off")
                    if f"{who} {verb}" not in ("someone took", "somebody took", "someone stole")
                ),
                "someone's knocked off", "somebody's knocked off", "someone's nicked",
                "somebody's nicked", "someone's taken", "somebody's taken", "someone's pinched",
                # "the shop was broken in": a place broken into ("broken in transit" is not)
                *(
                    f"{place} {how}"
                    for place in ("shop", "store", "warehouse", "van", "truck", "trailer",
                                  "unit", "office", "building", "depot", "site", "cage",
                                  "container", "garage", "shed", "car", "stockroom")
                    for how in ("was broken in", "got broken in", "was broke in", "got broke in",
                                "was break in", "been broken in", "were broken in")
                ),
                "break into", "breaks into", "breaked into",
                "broked into", "was break into", "got broke into", "got broken into",
                "been broken into", "break in to", "broke in to", "broken in to",
                "lock was cut", "lock cut", "lock was broken", "lock broken", "padlock cut",
                # ("cage padlock was cut sunday night, 8 X gone, cops have been called": round
                # 179, it was shrinkage by "gone" at 0.87)
                "padlock was cut", "padlock got cut", "cut the padlock off",
                # ("cage C1: X x14 gone, lock on the cage was cut", round 187: shrinkage)
                "lock on the cage was cut", "lock on the cage got cut", "the lock was cut",
                "lock on the door was cut", "lock on the gate was cut", "cage lock was cut",
                "cops have been called", "called the cops", "cops were called", "cops called",
                "called the police", "police were called", "police have been called",
                # ("lot camera shows 2 guys loading 4 line sets into a pickup at 2:14am. police
                # report 24-18833", "breakin last nite, took 2 jakets": round 251)
                "police report", "breakin", "break in last nite", "into a pickup",
                # ("switched one of our mountings for a fake during a try-on", "camera shows a
                # guy palming it", "we got hit sunday night - they smashed the glass case":
                # round 253)
                # ("customer palmed a juul 4pk while I was ringing someone up": round 271)
                "palmed a", "palmed an", "palmed 2",
                "for a fake", "with a fake", "palming it", "palmed it", "palming them",
                "palmed them", "we got hit", "smashed the glass case", "smashed the display case",
                # ("someone smashed the glass and took the Hulk 181 slab": round 281)
                "smashed the glass",
                # ("kids hopped the fence sat nite and smashed 20": round 256)
                "hopped the fence", "jumped the fence",
                # ("3 gone, security tags found cut open in the restroom": round 257)
                "security tags", "security tag", "tags found cut",
                "into their pickup",
                # a car filled up and gone without paying ("drive off on pump 5, 14.2 gal"), a
                # gate's chain cut, someone into a cage ("got into the fastener cage overnight
                # and took 3 cs"): round 252
                "drive off", "drive offs", "driveoff", "drove off",
                "pump and run", "gas and go", "chain was cut", "chain cut", "cut the chain on",
                "somebody got into", "someone got into",
                "cut the lock", "broke the lock", "forced open", "forced entry", "pried open",
                # ("padlock cut on the yard cage, 3 X gone", "someone kicked in the glass on
                # the display case": round 344 drafted a count's shortfall and a loss)
                "lock got cut", "padlock had been cut", "lock had been cut",
                "kicked in the glass", "kicked the glass in",
                "jimmied", "window smashed", "smashed window", "door forced",
                "window was smashed", "window got smashed", "window shattered",
                "without paying", "without pay", "without paying for", "left without paying",
                # ("went home in her trailer, never paid", "rolled a bucket out the front door
                # on a cart, never paid": rounds 334 and 339 refused both as payments)
                "never paid", "never paid for it", "never paid for them",
                "smash the window", "smashed the window", "smash a window", "smashed a window",
                # ("someone smashed the front window last night and took 14 X", round 233: a
                # loss at 0.97)
                *(
                    f"{verb} the {where} window"
                    for verb in ("smashed", "smash", "broke", "busted", "shattered", "kicked in")
                    for where in ("front", "shop", "store", "back", "side", "showroom",
                                  "display", "pro shop", "office", "van", "truck")
                ),
                "broke the window", "break the window", "broken window", "window broken",
                # ("someone threw a brick thru the shop window last night", round 229: the
                # goods "smashed" were read as a routine loss)
                "threw a brick", "thrown a brick", "brick through", "brick thru", "threw a rock",
                "rock through the window", "rock thru the window",
                # ("5 microns sprouted feet from the rack", "cut the yard fence and took 6
                # spools": rounds 230-231)
                "sprouted feet", "cut the yard fence",
                # ("grab and go on 6 X, guy was out the door before we could stop him", "guy
                # took 2 land rovers off aisle 7", "a volunteer saw a guy pocket them", "TC24 x1
                # went out the back gate, camera shows a guy throwing it in his truck", "someone
                # broke the back door and took 18 coats": rounds 230-236)
                "grab and go", "out the door before we could",
                "guy took", "pocket them",
                "went out the back gate", "went out the door in", "broke the back door",
                "broke the front door", "kicked in the door", "kicked the door in",
                # ("someone popped the back door lock last night and took 2 cs": round 242
                # read 'popped' as damage)
                "popped the back door", "popped the back door lock", "popped the door",
                "popped the door lock", "popped the side door", "popped the front door",
                "forced the door", "forced the back door", "forced the side door",
                "busted the lock", "busted the door", "busted the back door",
                "broke the side door", "kicked in the back door", "kicked the back door in",
                "somebody had a key", "someone had a key",
                # ("somebody cleaned out the ball room over the weekend", round 229: shrinkage)
                "somebody cleaned out", "someone cleaned out", "they cleaned out",
                "cleaned us out", "got cleaned out",
                "come in and take", "came in and took", "came in and take", "walked in and took",
                "run away with", "ran away with", "and run away", "and ran away", "run off with",
                # ("we had a brake-in"): a break-in misspelt as the car part, said as an event
                "a brake-in", "the brake-in", "last night's brake-in",
                misspelled={
                    "stollen": "stolen", "stolan": "stolen", "stoln": "stolen",
                    "thieft": "theft", "theift": "theft", "thieves'": "thieves",
                    "theif": "thief", "theifs": "thieves", "stolem": "stolen",
                    "theives": "thieves",
                    "sotlen": "stolen", "stloen": "stolen", "shopliftng": "shoplifting",
                    "shoplifing": "shoplifting", "shopliftd": "shoplifted", "stolne": "stolen",
                    "stoeln": "stolen",
                },
                explains={Category.SHRINKAGE},
            ),
            # the locked cage named by what it holds ("went missing from the floral cage", "gone
            # from the vape cage"): goods gone from it were taken, as from "the cage"
            Words(
                "cage",
                # (gone from it: "checked the cage, 3 missing" is where someone looked)
                near=("missing from", "gone from", "missing out of", "gone out of",
                      "disappeared from", "vanished from", "taken from", "walked out of",
                      "disappeared out of", "vanished out of", "taken out of"),
                fuzzy=False,
            ),
            # water from a sprinkler said by the sprinkler alone ("3 pr water dmg from the
            # sprinkler": round 318 drafted a routine loss beside a sure theft)
            Words(
                "from the sprinkler", "from the sprinklers", "by the sprinkler",
                "by the sprinklers", "sprinkler water",
                near=("water", "wet", "soaked", "dmg", "damage", "damaged", "drenched", "soaking"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # a sprinkler that let go, said as "it" ("linen cart clipped a sprinkler head in
            # B2 storage and it let go": round 322)
            Words(
                "it let go", "it went off", "it burst", "it popped", "it broke off",
                near=("sprinkler", "sprinklers", "sprinkler head", "sprinkler line"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # goods taken through a door left open ("dock door 5 left open overnight, 2 mesh
            # file carts taken": round 317)
            Words("taken", near=("left open", "left unlocked"), fuzzy=False),
            # Idioms for someone took it, heard on warehouse floors: goods that "grew legs",
            # "went out the back door", "someone helped themself". Exact words: "lifted",
            # "had" and "walked" alone mean other things.
            Words(
                "helped themself", "help themself", "helping themself", "helps themselves",
                "went out the back door", "gone out the back door", "out the back door",
                "had them away", "had it away", "liberated", "light fingered", "sticky fingered",
                "pilfer", "pilfering", "thieving", "thieved", "made away with", "went walking",
                "inside job", "disappeared from the cage", "vanished from the cage", "snaffled",
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # Goods that "grew legs" were most likely taken, though the words leave room for
            # a miscount or a misplaced pallet: the likeliest reason, never a sure one
            # (held-out round 158: "3 X grew legs out of staging" was theft at 0.97)
            Words(
                "grew legs", "grown legs", "has grown legs", "have grown legs", "sprouted legs",
                "grew feet",
                weak=True,
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # the way in, broken by someone ("someone smashed the case and took 1 X", "somebody
            # smashed the back door glass and took the brewer", "someone smashed the lobby
            # display case, 3 X gone": rounds 293-294 drafted routine losses); "I smashed the
            # display case with the pallet jack" is damage
            Words(
                "smashed the lobby display case", "cut the cable lock", "cut the cable",
                "wheeled out", "rolled out the door", "wheeled them out",
                "smashed the back door", "smashed the back door glass", "smashed the door",
                "smashed the showcase", "broke the display case", "and took",
                "and ran off with", "and made off with",
                near=("someone", "somebody", "some guy", "a guy", "guys", "they", "kids",
                      "thief", "thieves", "overnight", "last night", "punks", "vandals"),
                fuzzy=False,
                explains={Category.LOSS, Category.SHRINKAGE},
            ),
            # ("driver caught on camera walking 5 pr X out the side door": round 294)
            # ("caught a guy on camera filling a bag from the bin and walking out": round 300)
            Words(
                "out the side door", "out the front door", "out the loading door",
                "and walking out", "and walked out", "walked out without paying",
                "walking out without paying",
                near=("walking", "walked", "walk", "carrying", "carried", "caught", "camera",
                      "cam", "video"),
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # what thieves broke as they left ("took 4 X and 2 Y, and smashed a Z on the way
            # out": rounds 238-246 drafted the smashing as a routine loss)
            Words(
                "on the way out", "on their way out", "on his way out", "on her way out",
                "on the way in", "on their way in", "as they left", "while they were in here",
                near=("took", "break-in", "break in", "broke in", "broken into", "thieves",
                      "thief", "burglars", "burglary", "robbery", "robbed", "stole", "stolen",
                      "grabbed", "swiped"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # misspellings people type for "stole", read as typed only: as targets of fuzzy
            # reading they turned real words into theft ("sealed" -> "stealed", "staples" ->
            # "stoles")
            Words("stealed", "stoled", "stoles", fuzzy=False),
            # a tornado by its other name, exact ("testers" is no "twisters"): "the twister",
            # or beside weather ("2 bags of 260Q twisters dry rotted" are balloons, "2 twister
            # games" a game)
            Words("the twister", "a twister", "that twister", fuzzy=False),
            Words(
                "twister", "twisters",
                near=("touched down", "storm", "tornado", "hit", "wind", "winds", "roof",
                      "tore", "ripped", "weather", "siren", "warning", "sirens", "blew"),
                fuzzy=False,
            ),
            # a flood typed in a hurry, past what fuzzy matching reads safely
            Words(
                "fluded", "flodded", "fludded", "floded", "fluded out", "flud",
                fuzzy=False,
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
            # Destroyed by an event: the damage words describe the same event.
            Words(
                "fire", "flood", "flooded", "flooding", "storm", "hurricane", "tornado",
                "earthquake", "vandalism", "vandalized", "vandalised",
                # ("nor'easter tore the tarp off the ice pile", round 233: a loss at 0.97)
                "nor'easter", "noreaster", "nor easter",
                # ("two grand worth of tires got slashed in the lot"; a price slashed is not)
                "tires slashed", "tyres slashed", "slashed tires", "slashed tyres",
                "tires got slashed", "tyres got slashed", "tires were slashed",
                "tyres were slashed",
                "arson", "smoke damage", "smoke damaged", "fire damage", "fire damaged",
                "flood damage", "flood damaged", "lightning strike", "struck by lightning",
                "wildfire", "vandal", "vandals",
                # ("some punks smashed up the sidewalk cooler": round 266)
                "some punks", "punk kids", *VANDALS_AT_WORK,
                # a burst pipe or main floods the room it is over
                "pipe burst", "pipes burst", "burst pipe", "burst pipes", "burst main",
                # ("sprinkler head let go over rack 12 - 6 pair X and 10 Y soaked through":
                # round 248 drafted a routine loss)
                # (a sprinkler or water line that let go, however it is said: "sprinkler head
                # went off in aisle 4", "burst water line over the back shelves": round 306
                # drafted five routine losses)
                *SPRINKLERS_LET_GO,
                "sprinkler leak", "sprinkler leaked", "fire sprinkler",
                # ("floor drain backed up in dry storage, 4 cs ruined": water let in, round 297)
                "drain backed up",
                "floor drain backed up", "sewer backed up", "sewer backup", "sewage backup",
                "water main break", "water main broke", "main broke", "pipe broke",
                # ("water main burst in the B-wing linen room", round 158)
                "main burst", "mains burst", "pipe bursted", "pipe has burst", "pipe had burst",
                "pipe split", "main split", "water main failure",
                # ("water damage from the burst line", "lightning took out the back building",
                # "roof on the lean-to caved in under the snow": round 317)
                "burst line", "burst water main", "water main blew",
                "lightning took out", "lightning hit", "lightning struck", "hit by lightning",
                # ("fried by lightning last nite", "wind flipped the gate rack": round 320)
                "by lightning", "from lightning", "from the lightning", "lightning storm",
                # ("3 flats got hit by hail", "t-storm came thru", "truck #2 hit a deer on
                # hwy 12": round 321)
                "hit by hail", "got hit by hail", "were hit by hail", "was hit by hail",
                "by the hail", "t-storm",
                "hit a deer", "hit a moose",
                "wind flipped", "wind blew over", "wind knocked over", "wind tore",
                # ("the wind knocked the 2x4x10 rack over, 22 broken": round 347)
                "wind knocked", "wind blew", "wind tipped", "wind pushed",
                "wind ripped", "high winds", "gust of wind", "wind gust", "wind gusts",
                "lightning fried", "caved in under the snow", "caved under the snow",
                "collapsed under the snow", "caved in under snow", "collapsed under snow",
                # ("black mulch pile spontaneously combusted overnight", "that downpour washed
                # 6 yds of topsoil into the storm drain": round 318)
                "spontaneously combusted", "spontaneous combustion", "combusted",
                "downpour washed", "washed away", "washed into the", "washed right into",
                # ("grinder station went up in flames": round 323)
                "went up in flames", "up in flames", "in flames",
                "fire or flood",
                # the sea over the dock ("king tide got the lower shed again")
                "king tide", "storm surge", "tidal surge", "storm tide",
                # storms said in one word ("thunderstorm ripped the canopy loose")
                "thunderstorm", "thunderstorms", "thunder storm", "hail storm",
                "windstorm", "wind storm", "rainstorm", "snowstorm", "ice storm", "blizzard",
                # ("got tagged with spray paint overnight": vandalism)
                "graffiti", "graffitied", "spray painted", "tagged with spray paint", "defaced",
                # ("the wind took 6 panels", "under water after the creek came up")
                "wind took", "blown away", "blew away",
                "under water", "underwater", "creek came up", "river came up", "flash flood",
                # a building that gave way: "roof caved in under the snow"
                # damage done on purpose is vandalism: "kid smashed the display on purpose"
                "on purpose", "deliberately", "intentionally", "maliciously",
                "roof caved in", "roof caved", "roof collapsed", "roof collapse",
                "roof fell in", "ceiling caved in", "ceiling collapsed", "ceiling fell in",
                "weight of the snow", "snow load",
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
            # a road accident or a car through the shop front is an event, like a storm ("our
            # box truck got rear-ended on I-25, 6 ctns crushed", "truck 3 rolled over on I-80,
            # lost the whole load", "car jumped the curb and came through the front window":
            # rounds 290-292 drafted routine losses)
            Words(
                "rear ended", "got rear ended", "t boned", "got t boned", "jackknifed",
                "jack knifed", "truck rolled", "truck flipped", "trailer flipped",
                "crashed through",
                "drove through the front", "came through the front window",
                "came through the window", "through the storefront", "jumped the curb",
                "car accident", "traffic accident", "road accident", "highway accident",
                "truck accident", "van accident", "trailer accident", "in a wreck",
                "rolled over on the highway", "rolled over on the interstate",
                "rolled over on the freeway", "rolled on the highway",
                "ran off the road", "went off the road",
                # ("customer backed his truck into the outdoor display": round 295)
                "backed his truck into", "backed her truck into", "backed their truck into",
                "backed a truck into", "backed his car into", "backed her car into",
                "backed their car into", "backed a car into", "drove his truck into",
                "drove a car into", "car drove into", "truck drove into",
                # ("truck 14 rolled on the 210 ramp", "delivery truck backed right through dock
                # door 1": round 300)
                "rolled on the ramp", "rolled on the on ramp", "rolled on the off ramp",
                "rolled on the freeway", "rolled on the interstate", "backed right through",
                "backed through the dock door", "backed through the door",
                *ROAD_ACCIDENTS,
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # a wreck told with the road it happened on ("truck 7 rolled over on the I-95 on
            # ramp", "van wreck on I-80": round 306 drafted a sure routine loss)
            Words(
                "rolled over on", "rollover", "flipped over on", "overturned", "tipped over on",
                "crashed on", "crash on", "wreck on", "wrecked on", "accident on",
                "collision on", "skidded", "slid off the",
                # ("van rolled on rt 29 on the way to the delivery, driver ok": round 312;
                # "box truck 14 slid off rt 9 on the ice": round 315)
                "rolled on", "flipped on", "slid off rt", "slid off route", "slid off hwy",
                "slid off highway", "slid off interstate",
                near=("highway", "interstate", "freeway", "on ramp", "off ramp", "onramp",
                      "offramp", "turnpike", "expressway", "motorway", "the road", "ditch",
                      "driver ok", "driver is ok", "driver's ok", "driver okay", "tow truck",
                      "got towed", "state trooper", "on route", "hwy", "rt", "route"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # goods gone from the locked cage were taken, however the going is said ("1 X went
            # walkies out of the locked cage", "from the cage (C-1), 2 boxes went missing":
            # round 249 drafted the first a sure shrinkage); "checked the cage, 3 X missing"
            # searched it, and stays a shortfall
            Words(
                "from the cage", "out of the cage", "from the locked cage",
                # ("cage C1, 6/22: 2 pappy 15 gone, cage was still locked": round 251)
                "cage was locked", "cage was still locked", "cage still locked",
                "out of the locked cage", "from cage", "out of cage", "outta the cage",
                near=("gone", "missing", "went walkies", "gone walkies", "walkies", "walkabout",
                      "disappeared", "vanished", "can't find", "cant find", "unaccounted for",
                      "awol", "went missing", "is missing", "are missing"),
                fuzzy=False,
                explains={Category.SHRINKAGE},
            ),
            # "somebody slashed the window display with a box cutter": cut on purpose; "the box
            # cutter slashed 3 shirts opening the carton" is damage in use
            Words(
                "slashed",
                near=("someone", "somebody", "vandals", "vandal", "kids", "they", "overnight",
                      "last night", "punks", "on purpose"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "someone keyed 3 ranges at the tent sale overnight": scratched on purpose ("keyed
            # in the count" is typed; round 315 drafted a sure routine loss)
            Words(
                "keyed",
                near=("someone", "somebody", "vandals", "vandal", "kids", "punks", "overnight",
                      "last night", "on purpose"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "paint thrown on the outdoor rack during the protest": damage done on purpose; "the
            # painter splashed paint on 3 rugs" is an accident
            Words(
                "paint thrown", "threw paint", "thrown paint", "splashed paint", "paint splashed",
                near=("protest", "protesters", "vandal", "vandals", "someone", "somebody", "kids",
                      "overnight", "last night", "on purpose"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "kids torched 3 rolls": set on fire by someone; "base got torched by the stone
            # grinder" is damage in use (no reason word of its own: a routine loss, asked)
            Words(
                "torched",
                near=("someone", "somebody", "vandals", "vandal", "kids", "they", "thieves",
                      "arson", "arsonist", "set fire", "set on fire", "on fire", "fire",
                      "burn pile", "burn barrel", "brush fire", "flames"),
                fuzzy=False,
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
            # "kids tagged the front window": spray paint, said as graffiti writers say it
            Words(
                "tagged",
                near=("kids", "kid", "someone", "somebody", "punk", "punks", "vandals",
                      "spray paint", "spray-paint", "graffiti", "overnight"),
                fuzzy=False,
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
            # "the gust blew off 4 canopies": the wind's, not "the keg line blew off the
            # coupler" (a hose come loose; round 211 drafted a casualty at 0.97)
            Words(
                "blown off", "blew off",
                near=("wind", "winds", "windy", "gust", "gusts", "gale", "storm", "tornado",
                      "hurricane", "twister", "squall", "microburst"),
                fuzzy=False,
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
            # "lightning" alone only beside a storm: "the lightning airpods" are a connector
            Words(
                "lightning",
                near=("struck", "strike", "hit", "bolt", "thunder", "storm", "storms",
                      "thunderstorm", "power surge", "surge"),
                fuzzy=False,
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
            # hail: exact words only (fuzzy, "hall" and "fail" would read as hail)
            Words(
                "hail", "hailstorm", "hail damage", "hail damaged",
                fuzzy=False,
                explains={Category.SHRINKAGE, Category.LOSS},
            ),
        ),
    ),
    ReasonSpec(
        Category.WRITE_DOWN,
        Kind.WRITE_DOWN,
        priority=30,
        accounts=Posting(
            Role.WRITE_DOWN_LOSS,
            Role.INVENTORY,
            "The goods keep some value, so this is a write-down to net realizable value, "
            "not a write-off",
        ),
        claude_hint="goods still sellable but worth less than cost (net realizable value)",
        form=(FormChoice("write_down", "Write-down (still sellable)", "write down"),),
        words=(
            Words(
                "write down", "writedown", "written down", "mark down", "markdown",
                # a heading over the lines ("write downs: 20 A to $3.00 and 20 B to $3.50")
                "write downs", "writedowns", "mark downs", "markdowns",
                # (typed in a hurry: "wrte down 6 chairs to $60 ea")
                "wrte down", "wirte down", "rite down", "wrte dwn", "write dwn", "wite down",
                "writ down",
                "marked down", "net realizable value", "net realisable value", "nrv",
                "revalue", "devalue", "lower of cost", "writing down", "marking down",
                "revalued", "revaluation", "devalued", "impaired", "impairment", "lcnrv",
                "lost value", "lost its value", "reprice", "repriced",
                "impair", "carrying value", "worth less than cost", "below cost",
                "reduce the value", "reduced the value", "lower the value", "lowered the value",
                "cut the value", "drop the value", "value down", "reduce value", "lower value",
                "write them down", "write it down", "write these down", "marked them down",
                "mark them down", "still sellable", "lower of cost or nrv", "lcm",
                # the new value said instead of the write-down: "now worth $60 each", "can
                # only sell them at $250": with the cost, the entry is qty x (cost - value)
                "now worth", "only worth", "worth only", "now valued at", "nrv now",
                "can only be sold", "could only be sold", "will only be sold", "only be sold for",
                "market price", "market prices", "only get", "carrying value should be",
                "book value should be", "fair value", "realizable value", "realisable value",
                "recoverable value", "recoverable amount", "estimated selling price",
                "can only sell", "can only get", "could only sell", "could only get",
                "will only sell", "only sells for", "only sell for", "only fetch",
                "can only fetch", "sell for only", "resale value", "market value",
                # the new price said as a shop says it: "new value $7 each", "going in the
                # clearance bin at $20", "price reduced from 45 to 30", "now sell 70 only"
                "new value", "new price", "new unit value", "clearance bin", "clearance rack",
                "clearance price", "clearance sale", "on clearance", "to clearance",
                "into clearance", "for clearance", "in clearance", "price reduced",
                "reduced price", "reduced the price", "reduce the price", "price cut",
                "cut the price", "reduced to clear", "sell at a loss", "selling at a loss",
                "now sell", "now sells", "now selling", "selling for", "sells for",
                "sale bin", "bargain bin",
                "discount bin", "cost or nrv", "lower of cost and nrv", "cost and nrv",
                "decrease the value", "decreased the value", "reduce their value",
                "value now", "valued now", "value is now", "priced at", "now priced",
                "repriced at", "price now", "drop price", "drop the price",
                "dropped the price", "price drop",
                "price dropped", "lower the price", "lowered the price", "price lowered",
                "can sell only", "could sell only", "sell only",
                "worth less now", "value dropped", "value fell", "discount", "discounted",
                "discounting",
                # what the goods will now fetch, said as the buyer's or our side of a sale:
                # "we'll get $10.50 a sheet", "sell as seconds at $5", "the outlet will take
                # them at $20", "worth $250 apiece now"
                "we'll get", "we will get", "we would get", "we'd get", "we can get",
                "we could get", "sell as seconds", "sold as seconds", "selling as seconds",
                "sell them as seconds", "as seconds at", "as seconds for", "will take them at",
                "will take them for", "would take them at", "would take them for",
                "take them off our hands", "apiece now", "each now", "per unit now",
                "a unit now", "can sell at", "can sell for", "can sell them at",
                "can sell them for", "could sell at", "could sell for", "could sell them at",
                "could sell them for",
                # a buyer of seconds, or the best price, says what the goods now fetch:
                # "liquidator pays $11 ea", "can only go to the discount outlet at $30",
                # "outlet price $30", "best we'll get is $30 each", "clearance at $20"
                *(
                    f"{buyer} {verb}"
                    for buyer in WD_BUYERS
                    for verb in ("pays", "pay", "will pay", "would pay", "can pay", "could pay",
                                 "is paying", "paying", "offered", "offers", "is offering",
                                 "will give", "would give", "gives", "quoted", "quote",
                                 "quotes", "bid", "bids", "will take", "takes")
                ),
                *(f"{buyer} price" for buyer in WD_BUYERS),
                *(
                    f"{go} {det}{buyer}"
                    for go in ("go to", "goes to", "going to", "send to", "sent to",
                               "send them to", "sell to", "sell them to", "sold to")
                    for det in ("", "the ", "a ")
                    for buyer in WD_BUYERS
                ),
                "liquidation price", "liquidation value", "salvage value", "clearance at",
                "clearance for", "on clearance at", "clear them at", "clear at",
                *(f"at the {buyer} for" for buyer in WD_BUYERS),
                *(
                    f"{verb} {how}"
                    for verb in ("closeout", "liquidation", "liquidate", "liquidate them",
                                 "salvage", "sell off", "sell them off")
                    for how in ("at", "for")
                ),
                "top offer", "highest offer", "highest bid", "best bid", "top bid",
                "recovery value",
                "best we'll get", "best we will get", "best we can get", "best we could get",
                "best we can do", "best offer", "best price we", "most we'll get",
                "most we can get", "most we could get",
                # a value set on goods kept: "value them at $50 now", "market dropped"
                "value them at", "value it at", "value these at", "value those at",
                "value each at", "valued them at", "valued it at", "revalue them",
                "revalue it", "market dropped", "market fell", "market crashed",
                "market tanked", "market's dropped", "prices dropped",
                "off the value", "off their value", "off its value",
                "marking it down", "marking them down", "mark it down", "sell it as-is",
                "sell them as-is", "selling as-is", "sell as-is", "selling it as-is",
                "will sell at", "will sell them at", "will sell it at", "we'll sell them at",
                "we'll sell it at", "we'll sell at", "will sell them for", "will sell it for",
                # the price the goods go at now, said of a sale still to come: "selling them
                # to Sal's at $18 ea", "still good to sell at $20", "stores will only pay $50
                # a bag", "still sell, just at $180 instead of 218", "dropping them to $1.50"
                "selling them at", "selling it at", "sell them at", "sell it at", "to sell at",
                "selling them to", "will only pay", "would only pay", "only pay",
                "will only give", "would only give", "only give us", "only giving us",
                "still sell", "still sells", "dropping them to", "drop them to",
                "dropping it to", "drop it to",
                # ("7 yds to the remnant bin at $2/yd", "priced down to $2.00/yd")
                "remnant bin", "remnants bin", "remnant table", "priced down",
                "sellable as seconds", "saleable as seconds",
                # ("we'll blow them out at $6.00", "sellable as demo at $95", "will sell for
                # 11.00 ea", "we'll sell those at $7.00")
                "blow them out at", "blow out at", "blow them out for", "sell those at",
                "sell these at", "will sell for", "sellable as demo", "sellable at",
                "sellable for",
                # ("shelf-worn, they'll sell at $80 now", "short-dated, selling at $15/cs",
                # "box-damaged, sell at $10/bx", "knock them to 30 each", "reduce them to $8")
                "will sell as", "sell them as", "sell it as", "selling them as",
                "they'll sell at", "they will sell at", "they'd sell at", "they sell at",
                "it'll sell at", "selling at", "sell at", "knock them to", "knock it to",
                "knocked them to", "knock em to", "reduce them to", "reduce it to",
                # ("mark to 25.00", "reval to 240", "worth 79 ea now"): a new price, said short
                "mark to", "marked to", "marking to", "mark em to", "mark them to",
                "mark it to", "mark em down", "marked em down", "reval", "reval to",
                # ("1 with a crushed flange, marking it to $800", "going out as seconds at $99",
                # "moving to the seconds bin at $30", "selling used at $120": round 239)
                "marking it to", "marking them to", "marking em to", "marked it to",
                "marked them to", "seconds bin at",
                # goods put out for less, as the floor says it ("→ seconds @ $25", "B-stock at
                # $55", "sell as blems for 150", "going in the hurt bin at $8", "quick-sale
                # basket", "manager's special", "let them go at $60": rounds 239-243)
                "seconds @", "seconds rack", "seconds basket", "seconds sale", "as a second at",
                # ("selling it as a second for $899", "selling it as a floor second at $120",
                # "resell as used at 120": round 253)
                "as a second", "as a floor second", "floor second", "floor seconds",
                "resell as used", "resell used", "selling it as used", "sell it as used",
                "selling them as used", "selling as used", "as grade c", "as grade b",
                "as b grade", "as c grade",
                # ("moving 3 to the sell-off rack at $120 ea", "25 scuffed panels moving to
                # seconds", "selling to the liquidator at $3 a can": round 257)
                "sell-off rack", "selloff rack", "to seconds", "to the liquidator",
                # ("-> outlet bin at $6", "reduce to $120 per", "will go at $4.50": round 258)
                "outlet bin", "outlet rack", "will go at",
                # ("60 bottles going out at $1.25", "48 dented cans -> seconds price $1.00 ea",
                # "downgrading 12 lb to stew grade, worth $7/lb now": round 259)
                "going out at", "going out for", "seconds price", "downgrading", "downgrade to",
                "downgraded to",
                "liquidator at",
                # ("opened and can't be resold": round 256; no value kept)
                "as blems", "as irregulars", "irregulars for", "b-stock", "b stock at",
                "hurt bin", "quick-sale", "quick sale basket", "bargain basket",
                "manager's special", "managers special", "mgr special", "sale pile",
                "let them go at", "let em go at", "let it go at", "let them go for",
                "blow em out at", "blow them out", "move them at", "move em at",
                "put it out at", "put them out at", "pricing them at", "pricing it at",
                "re-tag", "retag", "knock down to", "damaged packaging sale", "packaging sale",
                # ("sell as 2nds at $60/cs": round 281)
                "as 2nds", "2nds at", "2nds @",
                # ("mrk dwn X 6 pcs to 60.00", "B-grade now, worth $30 each", "can sell thru at
                # $550/drum", "dropping them to 35": round 307)
                "mrk dwn", "mark dwn", "mk dwn", "marked dwn", "mrk down", "mrkd down",
                "b grade now", "grade b now", "now b grade", "now grade b",
                "sell thru at", "sell through at", "sell thru for", "sell through for",
                "dropping em to",
                "seconds at", "sell em at", "sell 'em at", "selling em at", "value at",
                "to the seconds bin", "into the seconds bin", "selling used at", "sell used at",
                "sold used at", "sell as used at",
                # ("moving them to the seconds shelf at $20 ea", "seconds: 3 X missing a piece,
                # price them $15", "write the cost down 25%": round 249)
                "seconds shelf", "seconds table", "seconds pile", "seconds section",
                "seconds bin", "seconds area", "price them", "price em", "write the cost down",
                # ("selling the 11x17 with water-stained wrappers as seconds, 6 rm at $15",
                # "6 gal going on the $5 mistint shelf": round 251)
                "as seconds", "mistint shelf", "mistint rack", "oops shelf", "oops paint",
                # ("knock 25% off the 8 carriers", "going out at 50% off", "knock $12/ctn off the
                # 40 ctns": round 250; the reader reads "N% off" and "knock $N off" as these)
                "percent off", "pct off", "dollars off", "bucks off",
                "writing the cost down", "knock the cost down",
                "half off", "sample sale", "tag em", "tag them at", "price it",
                "knock to", "sell for", "sell them for", "sell it for", "cutting price",
                "cut price", "cutting the price", "still selling", "selling but at", "w/d",
                "a pair now", "a pr now",
                "bargain rack", "bargain shelf", "clearance shelf", "clearance table",
                "price em at", "price them at", "price it at", "can only go to",
                "ea now", "per bag now", "a bag now", "per case now", "a case now",
                "reduce em to", "reduced them to",
                # ("dinged, still usable, drop them by $25 each", "drop value by $10 a box",
                # "sell as blemished at $30": round 278)
                "clearance the", "clearance them", "clearance these", "clearance those",
                "clearance em", "buyer will pay", "buyer would pay", "buyer offered",
                "buyer pays", "buyer offers", "will buy them at", "will buy them for",
                "will buy it for",
                "will buy it at", "would buy them at", "would buy them for", "resell at",
                "resell for", "resell them at", "resell them for", "resell it at", "resell it for",
                "only resell",
                "drop them by", "drop it by", "drop em by", "dropping them by", "reduce them by",
                "reduce it by", "drop value", "drop value by", "as blemished", "blemished at",
                explains={Category.LOSS},
            ),
            # "write SKU-410 down to $8 per unit": the verb and "down" apart, so "down to"
            # counts beside a write-down's other words
            Words(
                "down to",
                near=("write", "writing", "mark", "marked", "marking", "value", "nrv",
                      "per unit", "each", "knock", "knocked", "devalue", "reprice", "take",
                      "took", "bring", "brought", "reduce", "reduced", "drop", "cost",
                      # ("knocking them down to $4"; never "from": "from 100 on the books
                      # down to 95" is a count)
                      "knocking", "dropping", "wrote"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "knock down 50 SKU-410 to $6": a price knocked down, only where nothing else
            # happened ("the forklift knocked down a rack" is the damage words' story)
            Words(
                # ("knock them down to $11": "down to" beside "knock" says it, not weakly)
                "knock down",
                near=("to",),
                weak=True,
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "the outlet will take the 50 WID-200 at $5 each": a buyer of seconds names
            # what the goods now fetch
            Words(
                "will take", "would take", "could take", "can take", "offered", "offers",
                near=("outlet", "outlets", "liquidator", "liquidators", "jobber", "discounter",
                      "clearance", "seconds", "reseller", "salvage buyer"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "scarab tees worth 2.00 now, 100 still in stock": the value the goods have now,
            # the figure between the words; only where no other reason is said ("lost 40
            # worth $600, post it now" is a loss)
            Words("worth", near=("now", "less"), weak=True, fuzzy=False, explains={Category.LOSS}),
            # a buyer's price for damaged goods ("feed guy will give us $30 a sack", "can get
            # $300 each for the 2 of them", "homebrew shop will buy them at 8c a can": round 317)
            Words(
                "will give us", "would give us", "will pay us", "would pay us",
                near=("guy", "shop", "store", "farmer", "feed", "buyer", "dealer", "outlet",
                      "liquidator", "jobber", "salvage", "seconds", "scrap"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            Words(
                "can get", "could get",
                near=("each for", "ea for", "apiece for", "for it", "for them", "for em",
                      "for the lot", "for the pair", "for both", "for the"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "wrote down 30 CER-1622 to 30 ea", "value em at $3", "drop to $7 ea value"
            Words(
                "wrote down", "wrote them down", "wrote it down", "wrote em down",
                "value em at", "valued em at", "knocking them down to", "knocking it down to",
                "knocking em down to", "value from", "knock value",
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "value of 20 SKU-77 reduced to $30": the new value, said beside what it is of
            Words(
                "reduced to", "reduce to", "lowered to", "lower to", "dropped to", "cut to",
                "decreased to", "reducing to", "lowering to",
                # ("butter, 25 cases near date, reduce to $100/case", "6 with shelf scuffs,
                # reduce to $30", "reduce 11spd chains to $30, new version out": rounds 227-236)
                near=("value", "price", "priced", "worth", "valued", "nrv", "cost", "each",
                      "scuffs", "scuffed", "scuff", "near date", "short dated", "short-dated",
                      "new version", "still good", "still usable", "ok to sell", "sellable",
                      "per case", "/case", "a case"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # ("lunch boxes scuffed but sellable, drop to 4.00", "drop value to 20/bx", "TN760 drop
            # to half cost": round 232-233 drafted losses)
            Words(
                "drop to", "drop em to", "drop value to",
                "drop the value to", "drop the price to",
                near=("value", "price", "worth", "sellable", "still good", "still sell", "cost",
                      "nrv", "clearance", "each", "ea",
                      # ("walnuts short dated 40 lb, drop to 4.50/lb": round 311)
                      "lb", "short dated", "near date", "near dated"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # goods sold on as something less, at a price ("has a fissure, selling it as a
            # remnant at 950", "w/ wane, 20 pcs, sell as utility at 11", "off-shade, selling it
            # to the upholstery shops at $12/yd": round 311-313 refused them as sales)
            Words(
                "selling it as", "selling em as", "sell em as", "sell as", "selling it to",
                "selling em to", "sell it to", "sell them to", "sell em to",
                near=("at", "@", "for"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # the value taken off, said as a sum ("floor demo 1 unit, scratched up, reduce by
            # $200", "8 pails near date, reduce by $20 ea": round 311 drafted losses of $200)
            Words(
                "reduce by", "reduced by", "reduce em by",
                near=("value", "price", "each", "ea", "per", "scuffs", "scuffed", "scratch",
                      "scratched", "dent", "dented", "dinged", "near date", "near dated",
                      "short dated", "demo", "floor model", "open box", "cosmetic", "discolored",
                      "faded", "shelf wear"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "mark the 20 WID-200 to $4", "value the 50 BX-1042 at $0.50", "clearance: 15
            # CHR-009 at $60 each": marking, valuing or clearing goods at a price is a
            # write-down only when nothing else is said
            # ("Mark dropped 4 TV-55X" is damage; "mark" is often a name)
            Words(
                "mark", "marked", "marking", "value", "valued", "revalue at", "mark to market",
                "marked to market", "to market", "clearance",
                # ("reduce 12 balances to $99 each", "knock 12 X to 9.00 each", "drop 4 X to
                # $400/drum": the goods between the verb and the price; round 279-280)
                "knock", "drop", "knock em", "knock these", "knock those",
                # ("clearance: 3 Workhorse 275/55R20 @ 150": round 262)
                near=("to", "at", "@"),
                weak=True,
                fuzzy=False,
                # ("sun-faded hats, 20 of X, clearence at $5 each": round 351)
                misspelled={"clearence": "clearance", "clearace": "clearance"},
                explains={Category.LOSS},
            ),
            # Goods sold as seconds ("scratch and dent", "open box", "floor model"): still for
            # sale, so with a new price beside them ("now $150", "reprice to 600", "-> $500")
            # the goods are written down, not off. Said alone, they are damage or nothing.
            Words(
                "scratch and dent", "scratch & dent", "scratch n dent",
                "scratch and dents", "s&d", "open box", "open boxed", "floor model",
                "floor models", "ex display", "display model", "display models",
                "demo unit", "demo units", "returned open box",
                # (not "worth" alone: "demo unit, motor burned up and its not worth fixing",
                # "repair quote is more than the thing is worth. scrap it": round 294)
                near=("now", "reprice", "repriced", "worth about", "worth maybe", "worth around",
                      "only worth", "worth only", "still worth", "now worth", "worth like",
                      "sell", "selling", "sells", "nrv",
                      "value", "price", "priced", "->", "=>", "\u2192", "knock", "knocked",
                      "clearance", "mark", "marked", "down to", "down from", "go for",
                      "goes for", "at a loss", "fetch", "get for",
                      # ("moving it to scratch and dent at $1,199", "scratch n dent: X tagged
                      # 499", "put it on the S&D floor at $499": round 253)
                      "moving", "moved", "move", "tagged", "tag", "put it on", "put them on",
                      "goes to", "go to", "going to"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "seconds: 2 D679 w/ paint flaw, now $199": goods sold as seconds at their price
            # now (round 262 drafted the price as the loss); "30 seconds" is no price's word
            # ("seconds from the linen vendor: 50 king sheets w/ minor flaws, worth $9 apiece":
            # round 352)
            Words(
                "seconds",
                near=("now", "worth"),
                weak=True,
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "knock $35 off each", "knock 20 bucks off each of the 6 X": a cut per piece
            # (round 241-242 drafted the cut as the goods' cost)
            Words(
                "off each", "off ea", "off apiece", "off per unit", "off a unit",
                near=("knock", "knocked", "knocking", "take", "taking", "took"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "sell 5 BKE-26-RED at a loss, $250 each", "knock the 2 X down from 685 to 500":
            # the verb apart from the words that say the price went down
            Words(
                "at a loss",
                near=("sell", "selling", "sells", "sold", "clear", "clearing", "go", "going"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "knocked down to $100": longer than the damage words' "knocked down"
            Words(
                "knocked down to", "knocked them down to", "knocked it down to",
                fuzzy=False,
                explains={Category.LOSS},
            ),
            Words(
                "down from", "reduced from", "marked from", "repriced from",
                near=("knock", "knocked", "mark", "marked", "price", "priced", "reprice",
                      "value", "take", "took", "bring", "brought", "drop", "dropped",
                      # ("marking the floral down from 6.75 to 4.00", "write the 12 bx down
                      # from 72.50 to 55")
                      "marking", "knocking", "dropping", "taking", "bringing", "write",
                      "writing", "wrote"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # "mark 60 WID-200 down by 20%", "lower 15 CHR-009 value to $80": the verb apart
            # from its object, so these count only beside the verb
            Words(
                "down by", "value to", "price to", "value by", "price by",
                near=("mark", "marked", "write", "lower", "lowered", "reduce", "reduced", "drop",
                      "dropped", "cut", "decrease", "decreased", "knock", "knocked"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
        ),
    ),
    ReasonSpec(
        Category.RESERVE_WRITE_OFF,
        Kind.RESERVE,
        priority=20,
        accounts=Posting(
            Role.RESERVE,
            Role.INVENTORY,
            "Written off against the inventory reserve, so no new expense is recognised now",
        ),
        claude_hint="goods written off against the existing inventory reserve",
        words=(
            Words(
                "against the reserve", "against reserve", "against the allowance",
                "against allowance", "from the reserve", "from reserve", "use the reserve",
                # ("burn the reserve on the 2 old tub trims": round 231)
                "burn the reserve", "burn reserve", "burn the obso reserve",
                "charge to the reserve", "charge the reserve",
                "against the obsolescence reserve", "against the inventory reserve",
                "against reserves", "against the provision", "against provision",
                # (longer than the provision's "against obsolete", which they must beat)
                *(
                    f"against {kind} {noun}"
                    for kind in ("obsolete", "obsolescence", "e&o", "obsolete stock",
                                 "obsolete inventory", "excess & obsolete",
                                 "excess and obsolete")
                    for noun in ("reserve", "allowance", "provision")
                ),
                "from the allowance", "out of the reserve", "using the reserve",
                # a heading that names the entry: "reserve write-off: 14 X", "E&O reserve
                # usage: 12 X", "w/o vs E&O reserve: X x 9"
                "reserve write-off", "reserve writeoff", "reserve w/o",
                "reserve usage", "reserve utilization", "reserve utilisation", "reserve relief",
                "reserve release", "allowance write-off", "allowance usage", "reserve draw",
                "reserve drawdown",
                "w/o vs", "write off vs", "written off vs", "vs the reserve", "vs reserve",
                "versus the reserve",
                *(
                    f"{how} the {kind} {noun}"
                    for how in ("from", "out of", "against", "using", "use")
                    # ("pull $95 from the obs reserve", "from the obso reserve")
                    for kind in ("obsolescence", "inventory", "e&o", "excess and obsolete",
                                 "obsolete stock", "stock", "obsolete inventory", "obs", "obso",
                                 "obsolete")
                    for noun in ("reserve", "allowance", "provision")
                    if f"{how} the {kind} {noun}" not in (
                        "against the obsolescence reserve", "against the inventory reserve")
                ),
                # ("charge to the obsolete inventory reserve: 18 X": charged to it is out of
                # it, though "to the obsolete inventory reserve" alone builds it)
                *(
                    f"{how} the {kind} {noun}"
                    for how in ("charge to", "charged to", "charging to", "charge it to",
                                "charge them to")
                    for kind in ("obsolescence", "inventory", "e&o", "excess and obsolete",
                                 "excess & obsolete", "obsolete stock", "obsolete inventory",
                                 "obs", "obsolete")
                    for noun in ("reserve", "allowance", "provision")
                ),
                # "written off through the obs reserve", "via E&O reserve": through the reserve
                # is out of it ("add $500 to the reserve via a journal" is not: the reserve's
                # name must follow)
                *(
                    f"{how} {det}{kind}{noun}"
                    for how in ("through", "thru", "via")
                    for det in ("the ", "our ", "")
                    for kind in ("", "obs ", "e&o ", "obsolescence ", "inventory ", "stock ",
                                 "excess and obsolete ", "excess & obsolete ", "obsolete stock ")
                    for noun in ("reserve", "allowance", "provision")
                ),
                # the provision named as what is used ("draw down the E&O provision for 6
                # scrapped X", "utilize the E&O provision for the 4 boxes we binned": rounds
                # 317 and 322 read "E&O provision" as a heading that builds it)
                *(
                    f"{verb} {det}{kind} provision"
                    for verb in ("draw down", "drew down", "drawing down", "utilize", "utilise",
                                 "utilized", "charge", "relieve", "release", "apply", "tap")
                    for det in ("the ", "our ")
                    for kind in ("e&o", "obsolescence", "obsolete", "inventory", "obs")
                ),
                # a past-tense clause saying the goods were provided for already explains
                # which reserve pays: "scrapping 20 X, use the reserve, they were provided
                # for last quarter" uses it, it does not build it again
                "were provided for", "was provided for", "been provided for",
                "already provided for", "previously provided for", "fully provided for",
                "we provided for", "we've provided for", "we have provided for",
                "we already provided for", "already reserved", "fully reserved",
                "were reserved", "was reserved", "previously reserved", "already provisioned",
                "were provisioned", "was provisioned", "fully provisioned",
                # ("we reserved for these last year, scrap the 12 X against it", round 158)
                "we reserved for", "we've reserved for", "we had reserved for",
                "reserved for these", "reserved for them", "reserved for those",
                explains={
                    Category.LOSS, Category.SHRINKAGE, Category.CASUALTY, Category.WRITE_DOWN,
                },
            ),
            # Using the reserve: these say so only beside the reserve's name (RESERVE_NOUNS).
            Words(
                "use up", "used up", "using up", "draw from", "drew from", "drawn from",
                "drawing from", "draw against", "eat into", "dip into", "dipped into",
                "utilization", "utilisation", "usage of",
                "take out of", "taken out of", "took out of", "take it out of",
                "take them out of", "out of", "relieve", "relieved", "relieving", "release",
                "released", "releasing", "use", "used", "using", "utilize", "utilized",
                "utilise", "utilised", "apply", "applied", "applying", "charge", "charged",
                "charging", "charge against", "charged against", "draw down", "drawn down",
                "drew down", "drawdown", "draw on", "drawing down", "against", "reduce",
                "reduced", "reducing", "consume", "consumed", "offset", "absorb", "absorbed",
                "written off against", "net against", "deplete",
                "written off through", "written off via", "w/o through", "w/o via",
                "depleted", "come out of", "comes out of", "hit the reserve", "hit the", "hit our",
                "take out", "took out", "taken out", "take from", "take it from",
                "take them from", "pull from", "pulled from",
                # ("write the old tail lamps x5 off to the reserve")
                "off to", "w/o to", "write off to", "written off to", "wrote off to",
                # ("take $900 off the E&O reserve for the old dye lot seconds")
                "take off the", "took off the", "taken off the", "off the reserve",
                "off the e&o", "off the obsolescence", "off the allowance",
                # ("burn $560 of the obsolescence provision for the kits we scrapped": round
                # 344 built the reserve at 0.97)
                "burn", "burning", "burn through", "burned through", "burnt through",
                near=RESERVE_NOUNS,
                fuzzy=False,
                # ("obsolesence reserve: releive it for 5 X"): "i before e" typed the other way
                misspelled={
                    "releive": "relieve", "releived": "relieved", "releiving": "relieving",
                    # ("relive the E&O reserve for 9 X": an e dropped, rounds 157 twice)
                    "relive": "relieve", "relived": "relieved", "reliving": "relieving",
                    "releave": "relieve", "releaved": "relieved",
                    # ("write the obsolite X off agains the obsolesence reserv", round 149)
                    "agains": "against", "aginst": "against", "agianst": "against",
                    "againt": "against", "agaisnt": "against", "againts": "against",
                },
                explains={
                    Category.LOSS, Category.SHRINKAGE, Category.CASUALTY, Category.WRITE_DOWN,
                },
            ),
        ),
    ),
    ReasonSpec(
        Category.RESERVE_PROVISION,
        Kind.RESERVE,
        priority=10,
        accounts=Posting(
            Role.OBSOLESCENCE,
            Role.RESERVE,
            "Increasing the obsolescence reserve is an expense now, against the contra-asset "
            "reserve",
        ),
        claude_hint="an increase of the obsolescence reserve (no goods leave)",
        words=(
            Words(
                "increase the reserve", "increase reserve", "increase the obsolescence reserve",
                *(
                    f"{verb} {det}{kind}{noun}"
                    for verb in ("build", "building", "built")
                    for det in ("the ", "our ", "a ", "")
                    for kind in ("", "e&o ", "obsolescence ", "inventory ", "obs ", "obso ",
                                 "obsolete ")
                    for noun in ("reserve", "allowance", "provision")
                ),
                # a heading: "Q3 reserve provision - 60 reams X", "reserve top-up: 12 X"
                "reserve provision", "reserve top-up", "reserve increase",
                # ("Q3 obsolescence provision: $6,750.00", "set aside another $1k against
                # future obsolescence": held-out round 151)
                "obsolescence provision", "obsolete provision", "e&o provision",
                "provision for obsolescence", "against future obsolescence",
                "reserve build", "reserve addition", "allowance provision", "allowance top-up",
                "add to the reserve", "add to reserve", "top up the reserve",
                "increase the allowance",
                "increase the provision", "book a reserve", "set up a reserve",
                "increase the inventory reserve", "increase inventory reserve",
                "add to the obsolescence reserve", "top up reserve", "raise the reserve",
                # ("reserve for obsolescence, $3k" names the reserve: which way it moves is not
                # said)
                "provide for obsolescence",
                "provide for slow moving", "provide for obsolete", "provide for dead stock",
                "reserve another", "reserve an extra", "reserve more",
                # "provide (for) $3,000 of slow moving stock", "put $400 into the reserve":
                # providing is building the reserve whether or not its name is said
                "provide for", "need to provide", "needs to provide", "have to provide",
                "going to provide", "provided for", "providing for", "into the reserve",
                "into the allowance", "into the provision", "into reserve", "into the e&o reserve",
                "into the obsolescence reserve", "top up the provision", "top up the allowance",
                # ("pls up the obsolete reserve $750")
                *(
                    f"up {det}{kind}{noun}"
                    for det in ("the ", "our ")
                    for kind in ("", "obsolete ", "obs ", "e&o ", "obsolescence ", "inventory ")
                    for noun in ("reserve", "allowance", "provision")
                ),
                *(
                    f"into the {kind} {noun}"
                    for kind in RESERVE_KINDS_NAMED
                    for noun in ("reserve", "allowance", "provision")
                ),
                explains={Category.LOSS, Category.WRITE_DOWN},
            ),
            # "provision $650 to the obsolescence reserve", "provision $450 obsolescence for
            # the X overstock": the verb (round 214 refused one and drafted the other a loss);
            # "against the provision" is the reserve used, a longer phrase
            Words(
                "provision", "provisioning",
                near=("reserve", "obsolescence", "obsolete", "e&o", "allowance", "overstock",
                      "slow moving", "slow movers", "dead stock"),
                fuzzy=False,
                explains={Category.LOSS, Category.WRITE_DOWN},
            ),
            # Money "to the inventory reserve" most likely builds it, but "to" says where,
            # not which way: "book $450 to the inventory reserve" was sure at 0.97 where two
            # held-out writers asked which way (round 168)
            Words(
                *(
                    f"to the {kind} {noun}"
                    for kind in RESERVE_KINDS_NAMED
                    for noun in ("reserve", "allowance", "provision")
                ),
                # ("book a reserve entry $1,100 for old chafers": an entry, either way; round
                # 187 built it at 0.97)
                "book a reserve entry", "a reserve entry", "reserve entry", "reserve adjustment",
                explains={Category.LOSS, Category.WRITE_DOWN},
                weak=True,
            ),
            # Building the reserve: these say so only beside the reserve's name.
            Words(
                "add", "added", "adding", "top up", "topped up", "topping up",
                # ("topping off the allowance for obsolete stock: $2,750.50", round 154)
                "top off", "topped off", "topping off",
                "increase", "increased", "increasing", "raise", "raised", "raising", "bump",
                "bump up", "bumped", "bumped up", "provide", "set aside", "up by", "top", "topped",
                "make a provision", "provision of", "provision for", "provision to",
                # ("build" alone is also a product's: "carriers stopped activating that build")
                "build up", "built up", "accrue", "set up", "establish",
                "accrued", "boost", "boosted", "replenish", "replenished", "grow", "more in",
                "additional", "another", "put aside", "put away", "bumping up", "bumping",
                "bump it up",
                # ("the obsolescence reserve needs to go up 2k", round 173)
                "go up", "goes up", "to go up",
                # ("please fund the E&O reserve with $1,800 this month", round 184)
                "fund", "funded", "funding", "fund the",
                near=RESERVE_NOUNS,
                fuzzy=False,
                explains={Category.LOSS, Category.WRITE_DOWN},
            ),
            # "the obsolescence reserve needs $180 more for the christmas cards": a reserve
            # that needs money is short of it (round 182, refused); never sure on its own
            Words(
                "needs", "need",
                near=RESERVE_NOUNS,
                fuzzy=False,
                weak=True,
                explains={Category.LOSS, Category.WRITE_DOWN},
            ),
            # "provide $1,200 for obsolescence": providing, the amount between; "accrue
            # another 4k for obsolescence", "set aside $750 for obsolete tackle" (round 148)
            Words(
                "for obsolescence", "for obsolete stock", "for obsolete",
                # ("accrue $4,000 more for excess & obsolete", round 157)
                "for excess & obsolete", "for excess and obsolete", "for e&o",
                # ("set aside $300 against obsolete greeting card stock": round 182, a sure
                # loss)
                "against obsolete", "against obsolescence",
                near=(
                    "provide", "providing", "provided", "accrue", "accrued", "accruing",
                    "set aside", "put aside", "setting aside", "provision",
                ),
                fuzzy=False,
                explains={Category.LOSS, Category.WRITE_DOWN},
            ),
            # "book $2,000 to the reserve" builds it; "book $900 of X against the reserve"
            # uses it: booking says which way only where nothing else does
            Words(
                "book", "booked", "booking",
                near=RESERVE_NOUNS,
                fuzzy=False,
                weak=True,
                explains={Category.LOSS, Category.WRITE_DOWN},
            ),
        ),
    ),
    ReasonSpec(
        Category.OVERAGE,
        Kind.WRITE_OFF,
        priority=50,
        accounts=Posting(
            Role.INVENTORY,
            Role.SHRINKAGE,
            "The count is higher than the books, so inventory goes up and shrinkage is reduced",
        ),
        claude_hint="a count higher than the books (extra goods found)",
        words=(
            Words(
                "overage", "over on count", "found extra", "extra on count", "surplus",
                "extra units", "found additional", "more than expected",
                # ("found extera 5 bags", "found extr 2 boxs": typed fast, round 230-231)
                "found xtra", "found extera", "found extr",
                # ("bin 22-B came up 6 btl Sancerre to the good": round 284)
                "to the good",
                "more than on the books", "over count", "overcount",
                # (longer than the shrinkage group's "more than we have": the books are short)
                "more than we have on the books", "more than we have in the system",
                "more than we have on record", "more than we have in inventory",
                "more than we have on file",
                "more than the system", "more than the books", "more than expected on count",
                # the books below the shelf, said from the system's side
                "less than we have", "fewer than we have", "less than we actually have",
                "fewer than we actually have", "less than we counted", "fewer than we counted",
                "less than we found", "fewer than we found", "less than is on the shelf",
                "fewer than on the shelf", "less than there are", "fewer than there are",
                "system says less", "system says fewer", "system shows less",
                "system shows fewer", "system has fewer", "system has less", "books have fewer",
                "books have less", "books show fewer", "books show less", "system is lower",
                "books are lower", "system is under",
                "system under", "under in the system", "under on the books",
                "we have more than the system", "more on the shelf than",
            ),
            # More than there should be, said as a count says it: "count came in higher",
            # "more on the shelf", "above the books". Exact words.
            Words(
                "more than there should be", "more than we should have", "extra on the shelf",
                "more on the shelf", "above the books", "more than the count sheet",
                "count is higher", "count was higher", "count came in higher",
                # "SKU-12 3 over book": the shelf is over the book quantity
                "over book", "over the book", "above book", "over book qty", "over book count",
                "books lower than the count", "count higher than the books", "found more than",
                "found extras", "extras found", "excess on count", "over on the count",
                "over on stocktake",
                # "long" on a count is over it ("count came up long on PH3614 by 11"); "long"
                # alone is a length
                "came up long", "come up long", "coming up long", "comes up long",
                "count long", "count is long", "count was long", "long on the count",
                "long on count", "we're long", "we are long", "were long", "long vs system",
                "long against the system", "long vs the books", "long against the books",
                # goods found that the books never had: "found 5 X in bin A-03 that aren't
                # in the system"
                "aren't in the system", "arent in the system", "are not in the system",
                "weren't in the system", "not on the books", "aren't on the books",
                "not in the system", "more than the books show", "more than the system shows",
                "not in system", "not in the books", "not in our system",
                # ("turned up 2 behind the returns desk that were never in the system": 271)
                "never in the system", "never in system", "never on the books",
                # ("2 rolls behind the hay stack that werent on the books", "found 1 in the
                # overflow trailer, never got received in", "the system doesnt have")
                "werent on the books", "weren't on the books", "were not on the books",
                "didn't have on the books", "didnt have on the books",
                "did not have on the books", "didn't have in the system",
                "didnt have in the system",
                "wasnt on the books", "wasn't on the books", "was not on the books",
                "system doesnt have", "system doesn't have", "system does not have",
                # the books by the software's name ("found 1 cs ... that isn't in QuickBooks")
                *(
                    f"{neg} in {books}"
                    for neg in ("not", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt",
                                "weren't", "werent")
                    for books in ("qb", "qbo", "quickbooks")
                ),
                # ("physical > system for X by 9 packs")
                "physical > system", "count > system", "shelf > system", "physical > books",
                "count > books", "physical > qb",
                # ("inventory adj UP: found 8 gal"): an adjustment up is an overage
                "adj up", "adjust up", "adjustment up", "adjusted up", "inventory adj up",
                "never got received", "never received in", "never got received in",
                "nobody ever received", "nobody received", "over system", "over the system",
                # ("found a cs behind the pallet, system didnt have them", "wasnt in the
                # system count", "more on hand than books")
                "system didnt have", "system didn't have", "system did not have",
                "didnt know about", "didn't know about", "system didnt know",
                # ("turned up 2 boxes behind the rack that QB doesn't know about", round 211)
                "doesn't know about", "doesnt know about", "does not know about",
                "don't know about", "dont know about",
                "wasnt in the system", "wasn't in the system", "isnt in the system",
                "isn't in the system", "more on hand than",
                # ("2 X in the returns bin that arent on the books", "a case behind the cup
                # shelf, not in inventory", "1 X that wasnt in the count")
                "arent on the books", "are not on the books", "not in inventory",
                "aren't in the books", "arent in the books", "weren't in the books",
                "werent in the books", "wasnt in the books", "wasn't in the books",
                "not in our inventory", "wasnt in the count", "wasn't in the count",
                "was not in the count", "werent in the count", "weren't in the count",
                # ("found 2 cases of vanilla we didnt know we had", "a barrel nobody had on
                # the books", "a reel nobody booked", "a case that wasnt in inventory",
                # "found 40 danish, not in the count", "system had 0")
                "didnt know we had", "didn't know we had", "did not know we had",
                "nobody had on the books", "nobody booked", "no one booked", "never booked",
                "never got booked", "wasnt in inventory", "wasn't in inventory",
                "was not in inventory", "werent in inventory", "weren't in inventory",
                "not in the count", "system had 0", "system had zero", "system has 0",
                "system has zero", "system showed 0", "system shows 0", "books had 0",
                # ("2 FAK-25 behind the baler that weren't on the system", "a box of X nobody
                # logged, adding it back": round 220-221)
                "weren't on the system", "werent on the system", "were not on the system",
                "wasn't on the system", "wasnt on the system", "was not on the system",
                "not on the system", "aren't on the system", "arent on the system",
                "nobody logged", "no one logged",
                # ("found a stray case of X on the mezzanine that isn't on the books", "found
                # extr 2 boxs of lables on the shelf, not in the sytem", "none on the system":
                # rounds 230-235)
                "isn't on the books", "isnt on the books", "is not on the books",
                "not in the sytem", "none on the system", "not on the count",
                # ("bibs are running 4 cases over what the system shows": round 239)
                "over what the system shows", "over what the system says",
                "over what the books show", "over what the books say", "over what qb shows",
                "over what qb says", "over what quickbooks shows", "over the system count",
                # the books said short ("syrup tank dip reads 18 gal over books", "12 lb in an
                # unlabeled tote, not in sys", "spool measures 40 ft more than sys": round 311)
                "over books", "over sys", "over the sys", "more than sys", "more than books",
                # ("18 ft more on the spool than sys": round 314)
                "more on the spool than", "more on the reel than", "more on the roll than",
                "not in sys", "not in the sys", "not on sys", "not on the sys",
                fuzzy=False,
            ),
            # ("count came up 2 long on X", "came up 4 cs heavy on X vs the books": the count
            # over, its figure between)
            Words(
                "long on", "long vs", "long against", "heavy on", "heavy vs",
                # ("zip tie count came up fat by 2 bags": round 258)
                "came up fat", "fat by",
                near=("came up", "come up", "comes up", "coming up", "count", "counted",
                      "recount", "cycle count"),
                fuzzy=False,
            ),
            # Words that say "more" only in a count: "10 extra SKU-12 on the shelf", "count
            # came in 15 over".
            Words(
                "extra", "over", "came in over", "higher", "higher than",
                "above", "exta", "extras", "xtra",
                # ("extra jamon leg turned up in the meat locker": found)
                near=("count", "counted", "recount", "counting", "found", "on the shelf",
                      "turned up", "turns up", "showed up", "popped up",
                      # ("80 ft over after the reel remeasure": round 239)
                      "remeasure", "re-measure", "remeasured", "re-measured",
                      "stocktake", "stock take", "stocktaking", "audit", "physical",
                      # ("over on hokas by 2 pr at year end", "over on G2s by 4 vs system")
                      "vs system", "vs the system", "than the system", "year end",
                      "vs qb", "vs quickbooks", "vs pos", "vs the books",
                      "year-end", "on the books",
                      # ("14 lb extra wax on the scale vs books", "weighed 3.5 lb over", "GLV-L
                      # over 5 pr vs sys": round 311)
                      "vs books", "vs sys", "vs the sys", "than sys", "than books",
                      "weighed", "weighs", "on the scale", "measures", "measured",
                      # ("4 extra X in overstock": round 314)
                      "overstock", "over stock"),
                fuzzy=False,
            ),
            # "fireball handles over by 2 at inventory", "count is up 2": said of the books
            Words(
                "over by", "count is up", "count's up", "counts up", "count up", "long by",
                # ("we're up 5 on speed ropes vs the books")
                "we're up", "were up", "we are up", "we're over", "we are over",
                "we're actually up", "we are actually up", "were actually up",
                "count high", "count is high", "count came in high", "count was high",
                "came in high",
                near=("count", "counted", "recount", "counting", "found", "on the shelf",
                      "stocktake", "stock take", "stocktaking", "audit", "physical",
                      "inventory", "system", "books", "on hand", "cycle"),
                fuzzy=False,
            ),
            # ("count turned up a surprise case of choc sauce, pls book it in": round 249)
            Words(
                "book it in", "book them in", "book em in", "surprise case", "surprise box",
                "a surprise", "surprise pallet",
                near=("count", "counted", "recount", "counting", "found", "turned up",
                      "on the shelf", "stocktake", "cycle"),
                fuzzy=False,
            ),
            # ("the 2in flex reel measured long, +80 ft vs what the system says": round 251)
            Words("measured long", "measures long", "measured over", fuzzy=False),
            # Goods found, where nothing else is said of them: "found 2 BS-32 behind the
            # shelf" (round 240 read it as a loss); "found 3 cracked" stays damage
            # ("fuond 5 extra X on the top shelf", "fiound 5 extra X": round 334)
            Words(
                "found",
                faint=True,
                fuzzy=False,
                misspelled={
                    "fuond": "found", "fiound": "found", "foudn": "found", "fonud": "found",
                    "foud": "found",
                },
            ),
            # ... "more" too, where nothing else is said: "the recount shows 5 more X missing"
            # is 5 more gone
            Words(
                "more",
                near=("count", "counted", "recount", "counting", "found", "on the shelf",
                      "stocktake", "stock take", "stocktaking", "audit", "physical",
                      # ("we got 6 more pigtails than qb says")
                      "than qb", "than quickbooks", "than pos", "than the pos", "than system",
                      "than the system", "than the books", "than books", "than it says",
                      "than it shows",
                      # ("2 more boxes than on the books", "4 more on the tray than on record")
                      "than on the books", "than on the system", "than in the system",
                      "than on record", "than on file", "than the records"),
                fuzzy=False,
                weak=True,
            ),
        ),
    ),
    ReasonSpec(
        Category.DONATION,
        Kind.WRITE_OFF,
        priority=45,
        accounts=Posting(
            Role.WRITE_OFF_EXPENSE,
            Role.INVENTORY,
            "Goods given away leave the books at cost as write-off expense at any amount, "
            "apart from routine losses; keep the charity's receipt as support",
        ),
        claude_hint="goods given away: donated to a charity, food bank or school",
        form=(FormChoice("donation", "Donated", "donated"),),
        words=(
            # "Donated the expired soup" is one story: the goods were given away.
            Words(
                "donated", "donation", "donations", "donate", "donating", "gave to a charity",
                "given to a charity", "gave to charity", "given to charity", "charity",
                "food bank", "food pantry", "food drive", "toy drive", "fundraiser",
                "fundraisers", "fund raiser", "fundraising", "raffle", "charity auction",
                "soup kitchen", "homeless shelter", "animal shelter", "shelter kitchen",
                "habitat restore", "habitat for humanity", "salvation army", "red cross",
                "food rescue", "community kitchen", "community fridge",
                # given away to a good cause: "gave 50 to the rec center art program"
                "gave away", "given away", "giving away", "give away", "free of charge",
                "at no charge", "fish fry", "bake sale", "food shelf", "women's shelter",
                "toys for tots", "clothing closet", "supply drive", "coat drive", "book drive",
                "to the shelter", "homeless outreach", "outreach drive", "friends of the library",
                "library sale", "diaper bank",
                "(nonprofit)", "job training program",
                # ("kicked 3 ottomans to the furniture bank", "6 sheet sets to st vincent de paul
                # for their winter drive", "tins going to the church rummage drive": round 256)
                "furniture bank", "vincent de paul", "winter drive", "rummage drive",
                "science fair",
                # ("1 bale going to the Salvos clothing drive", "giving 15 X to St Vinnies for
                # the winter appeal", "2 sample gowns to Brides Across America for their
                # military brides giveaway": round 290)
                "clothing drive", "salvos", "st vinnies", "vinnies", "winter appeal",
                "christmas appeal", "giveaway", "give away day",
                misspelled={"donatd": "donated", "doanted": "donated", "domated": "donated",
                            "donted": "donated"},
                explains={Category.LOSS},
            ),
            # ("the church pantry took 15 bags of cracked corn, on the house": round 228-233);
            # but "count on the 5lb house is 8 under" is a shortfall of the house blend: only
            # where no other reason is said
            Words("on the house", weak=True, fuzzy=False),
            # given to a school, a club, a library: "gave 8 tubs to Lincoln Elementary"
            Words(
                "gave", "given", "giving", "give", "gives", "gifted", "gifting", "handed",
                "handed over",
                "handing", "handing over",
                "dropped off", "dropping off", "drop off", "sent",
                # ("we're sending 10 boxes over to the free clinic at St. Vincent's church, pls
                # write them off": round 239)
                "sending", "send",
                # ("shelter on grand picked up 3 bins of watermelons we couldnt move": round 255)
                "picked up", "came and got", "came by for", "comped", "comp'd",
                # ("dropping 4 X off at the elementary school", "hand 4 sticks over to the high
                # school shop class": rounds 278-284)
                "dropping", "hand",
                # ("Lincoln HS got 1 dz bath towels for the swim team", "Lincoln elementary got
                # 3 dz hand towels for the art room": who got them, a school; round 292)
                "elementary got", "hs got", "high school got", "school got", "preschool got",
                "library got", "church got", "shelter got", "pantry got",
                # ("10 X went to the high school marine tech program, no charge", "handed off
                # 20 fern baskets to the Rotary plant sale": rounds 335-336)
                "went to", "went over to", "handed off", "hand off",
                near=("elementary", "school", "schools", "club", "league", "library", "scouts",
                      "preschool", "pre-school", "head start", "kindergarten",
                      # ("gave the vo-tech 3 coils for the lab": round 251)
                      "vo-tech", "votech", "vocational", "trade school", "tech school",
                      "troop", "shelter", "church", "hospital", "pta", "classroom",
                      "teachers", "daycare", "nursing home", "senior center", "ymca",
                      "food bank", "charity", "nonprofit", "non-profit", "program",
                      "class", "high school", "goodwill", "camp", "college", "students",
                      "habitat", "build", "relief", "rescue", "garden", "volunteer",
                      # (not "no charge": "sent 2 back to the lab under warranty, no charge
                      # to us" is a remake, no gift; round 208)
                      "volunteers", "fire dept", "fire department", "firehouse",
                      "hospice", "parish", "mission", "foundation", "humane society", "spca",
                      "sanctuary", "veterans", "vfw", "legion", "pantry", "fete", "auction",
                      "team", "fundraiser", "charity drive", "community", "4-h", "ffa",
                      "rec center", "recreation center", "community center", "youth program",
                      "art program", "boys & girls club", "boys and girls club",
                      "scout troop", "girl scouts", "boy scouts", "little league", "high",
                      "middle school", "academy", "auto shop", "hs",
                      # ("gave 15 pr X blanks to the free clinic at St. Vincent's", round 171)
                      "free clinic",
                      # ("gave 4 X to First Baptist for the kids' fish tank ministry", "going
                      # to st. mark's youth group": round 239)
                      "baptist", "methodist", "lutheran", "presbyterian", "catholic",
                      "episcopal", "ministry", "ministries", "youth group", "congregation",
                      "synagogue", "mosque", "rotary", "kiwanis", "plant sale",
                      # ("gave 10 life vests to the coast guard auxiliary", "gave 20 recorders
                      # to the 3rd grade at Oakwood": round 352)
                      "auxiliary", "coast guard", "grade", "fellowship"),
                fuzzy=False,
                explains={Category.LOSS},
            ),
            # taken or got for nothing by whoever it was: "the church down the street took 10
            # gal of our primer for their fellowship hall, no charge", "the dive team got 6
            # pumps from us, no charge" (round 351-352: four drafted as routine losses)
            Words(
                "took", "got",
                near=("no charge", "free of charge", "at no cost", "no cost to them"),
                fuzzy=False,
                weak=True,
                explains={Category.LOSS},
            ),
            # "6 combos going to the Goodwill job training center": where goods go, a gift only
            # beside who plainly takes gifts, and never sure alone (round 282)
            Words(
                "going to", "goes to",
                near=("goodwill", "school", "preschool", "head start", "shelter", "church",
                      "charity", "food bank", "pantry", "library", "habitat", "hospital",
                      "nonprofit", "non-profit", "salvation army"),
                weak=True,
                fuzzy=False,
            ),
        ),
    ),
)
# fmt: on


# -- the table as one checked value -----------------------------------------------------------


def phrase_key(phrase: str) -> str:
    """How a phrase is compared: lower case, hyphens and runs of spaces as one space."""
    return " ".join(phrase.replace("-", " ").lower().split())


class ReasonTable(Mapping[Category, ReasonSpec]):
    """The rows by category, in `Category` order, checked once when built. Immutable."""

    def __init__(self, rows: Iterable[ReasonSpec]) -> None:
        self._rows = tuple(rows)
        self._by_category = {row.category: row for row in self._rows}
        problems = _problems(self._rows)
        if problems:
            raise ValueError("the reason table is not consistent:\n- " + "\n- ".join(problems))

    def __getitem__(self, category: Category) -> ReasonSpec:
        return self._by_category[category]

    def __iter__(self) -> Iterator[Category]:
        return (row.category for row in self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __hash__(self) -> int:  # immutable: usable as a cache key and a dataclass default
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, ReasonTable) and self._rows == other._rows)

    @property
    def rows(self) -> tuple[ReasonSpec, ...]:
        return self._rows

    @cached_property
    def by_priority(self) -> tuple[ReasonSpec, ...]:
        """Most specific first: reserve phrases also say "obsolete"; "stolen" beats "missing"."""
        return tuple(sorted(self._rows, key=lambda row: row.priority))

    @cached_property
    def form_choices(self) -> Mapping[str, tuple[Category, FormChoice]]:
        return {c.value: (row.category, c) for row in self._rows for c in row.form}


def _problems(rows: tuple[ReasonSpec, ...]) -> list[str]:
    """Everything wrong with a table, in plain words (empty when it is sound)."""
    out: list[str] = []
    cats = [row.category for row in rows]
    if cats != list(Category):
        missing = [c.value for c in Category if c not in cats]
        extra = sorted({c.value for c in cats if cats.count(c) > 1})
        out.append(
            "one row per Category, in the enum's order"
            + (f"; no row for {missing}" if missing else "")
            + (f"; several rows for {extra}" if extra else "")
        )
    priorities = [row.priority for row in rows]
    if len(set(priorities)) != len(priorities):
        out.append(f"priorities must differ: {priorities}")
    owner: dict[str, Category] = {}
    values: set[str] = set()
    for row in rows:
        if not row.phrases:
            out.append(f"{row.category.value}: no words")
        if not row.claude_hint.strip():
            out.append(f"{row.category.value}: no hint for Claude")
        for group in row.words:
            if row.category in group.explains:
                out.append(f"{row.category.value}: explains itself")
            for phrase in group.phrases:
                key = phrase_key(phrase)
                if not key:
                    out.append(f"{row.category.value}: an empty phrase")
                elif key in owner:
                    out.append(
                        f"'{phrase}' is a word of {owner[key].value} and of {row.category.value}"
                        if owner[key] is not row.category
                        else f"'{phrase}' appears twice in {row.category.value}"
                    )
                owner.setdefault(key, row.category)
            for typo, meant in group.misspelled:
                if meant not in group.phrases:
                    out.append(f"misspelling '{typo}' -> '{meant}': not a phrase of its group")
        for choice in row.form:
            if choice.value in values:
                out.append(f"form value '{choice.value}' is used twice")
            values.add(choice.value)
            if choice.word not in row.phrases:
                out.append(f"form word '{choice.word}' is not a word of {row.category.value}")
    for row in rows:
        for group in row.words:
            for typo, _ in group.misspelled:
                if phrase_key(typo) in owner:
                    out.append(f"misspelling '{typo}' is also a phrase")
    return out


REASONS = ReasonTable(REASON_ROWS)


# -- the company's settings -------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    materiality: Decimal = Decimal("1000.00")
    max_amount: Decimal = Decimal("1000000.00")
    currency: str = "USD"
    inventory: str = "1200"
    reserve: str = "1290"
    cogs: str = "5000"
    shrinkage: str = "5100"
    write_off_expense: str = "5200"
    write_down_loss: str = "5300"
    obsolescence: str = "5400"
    reasons: ReasonTable = REASONS
    # The books' inventory account is kept in step by quantity (QuickBooks tracks quantity on
    # hand and values the stock from its items): a change of value alone must not touch it,
    # so write-downs credit the reserve instead.
    value_changes_to_reserve: bool = False

    def code(self, role: Role) -> str:
        """The account code this company uses for a role."""
        code: str = getattr(self, role.value)
        return code


_UNKNOWN_ROLES = {r.value for r in Role} - {f.name for f in dataclasses.fields(Policy)}
if _UNKNOWN_ROLES:  # a Role whose code Policy cannot give would fail on the first draft
    raise ValueError(f"every Role must name a Policy field: {sorted(_UNKNOWN_ROLES)}")


# -- the decision -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    debit: str
    credit: str
    explanation: str


_PLACEHOLDER = re.compile(r"\{(?:amount|threshold)\}")


def decide_accounts(category: Category, amount: Decimal | None, policy: Policy) -> Decision:
    """The table's account rule for a category. amount may be None when unknown (the
    materiality test then waits)."""
    posting = policy.reasons[category].accounts.pick(amount, policy.materiality)
    why = posting.why
    credit = posting.credit
    if (
        policy.value_changes_to_reserve
        and policy.reasons[category].kind == Kind.WRITE_DOWN
        and credit == Role.INVENTORY
    ):
        credit = Role.RESERVE
        why += (
            "; the stock's value is kept by item in QuickBooks, so the write-down goes to "
            "the inventory reserve"
        )
    if _PLACEHOLDER.search(why):
        cur = policy.currency
        why = why.format(
            amount=format_money(amount, cur) if amount is not None else "The amount",
            threshold=format_money(policy.materiality, cur),
        )
    return Decision(policy.code(posting.debit), policy.code(credit), why)


# -- the Slack form ---------------------------------------------------------------------------


def form_reasons(reasons: ReasonTable = REASONS) -> list[tuple[str, str]]:
    """The form's reason menu: (option value, label), in table order."""
    return [(choice.value, choice.label) for row in reasons.rows for choice in row.form]


def form_reason(value: str, reasons: ReasonTable = REASONS) -> tuple[Category, str]:
    """The category and reason word of a form option. KeyError for a value the form never
    offered (an old view, a forged submission)."""
    category, choice = reasons.form_choices[value]
    return category, choice.word
