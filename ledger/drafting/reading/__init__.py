"""Small parts of the offline reader, each named for what it holds.

- lookalike: numbers typed with letters (``$4OO``, ``l5``): never read as digits.
- account: the whole-message account: every amount-bearing word is used by the reading or
  reported as not understood (issue 9, section 1).
- hedges: words that say the writer is unsure, and "A or B".
- packs: dozens and their fractions, cases with a count per case, pallets, percentages of a
  stated quantity.
- fuzzy: misspelled reason words read as the lexicon's words, with the correction shown.
- fast: compiling the long patterns behind a first-character lookahead (the speed of a draft).
"""
