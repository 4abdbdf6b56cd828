"""Print how a drafter does on a golden table: accuracy per group, the calibration table and
the cases that broke the promise (wrong at confidence >= 0.9).

    python -m tests.ledger.golden.report [--cases MODULE_OR_PATH] [--group G] [--show-wrong]
                                         [--drafter MODULE:FUNCTION]

--cases takes a dotted module (default tests.ledger.golden.cases) or a path to a .py file
anywhere (a held-out set such as /work/holdout/cases.py). The module defines CASES in the
golden format and may define ITEMS (default: the golden table's ITEMS).
--drafter names a Callable[[str, DraftContext], list[Draft]] (default ledger.drafting:draft,
the offline reader).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from tests.ledger.golden import scoring

DEFAULT_CASES = "tests.ledger.golden.cases"
DEFAULT_DRAFTER = "ledger.drafting:draft"
TEXT_WIDTH = 90


def load_module(spec: str) -> ModuleType:
    """A dotted module name, or a path to a .py file (inside the repo or not)."""
    path = Path(spec)
    if spec.endswith(".py") or path.exists():
        path = path.resolve()
        if not path.is_file():
            raise SystemExit(f"no such file: {spec}")
        name = "_golden_cases_" + str(abs(hash(str(path))))
        mod_spec = importlib.util.spec_from_file_location(name, path)
        if mod_spec is None or mod_spec.loader is None:
            raise SystemExit(f"cannot import {spec}")
        module = importlib.util.module_from_spec(mod_spec)
        sys.modules[name] = module
        mod_spec.loader.exec_module(module)
        return module
    return importlib.import_module(spec)


def load_cases(spec: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    module = load_module(spec)
    cases = getattr(module, "CASES", None)
    if not isinstance(cases, list):
        raise SystemExit(f"{spec} defines no CASES list")
    items = getattr(module, "ITEMS", None)
    if items is None:
        items = load_module(DEFAULT_CASES).ITEMS
    return cases, dict(items)


def load_drafter(spec: str) -> scoring.Drafter:
    module_name, _, attr = spec.partition(":")
    if not attr:
        raise SystemExit(f"--drafter wants MODULE:FUNCTION, got {spec!r}")
    return cast(scoring.Drafter, getattr(importlib.import_module(module_name), attr))


def _pct(fraction: float | None) -> str:
    return "-" if fraction is None else f"{100 * fraction:5.1f}%"


def _short(text: str, width: int = TEXT_WIDTH) -> str:
    one_line = text.replace("\n", "\\n")
    return one_line if len(one_line) <= width else one_line[: width - 3] + "..."


def format_report(
    results: Sequence[scoring.Result], *, show_wrong: bool = False, title: str = ""
) -> str:
    out: list[str] = []
    if title:
        out += [title, ""]
    out.append(f"{'group':<22}{'cases':>7}{'right':>7}{'accuracy':>10}{'wrong>=0.9':>12}")
    for row in scoring.by_group(results):
        if row.label == "overall":
            out.append("-" * 58)
        out.append(
            f"{row.label:<22}{row.count:>7}{row.right:>7}{_pct(row.fraction):>10}"
            f"{row.wrong_sure:>12}"
        )
    out += ["", "By expected answer", f"{'expect':<22}{'cases':>7}{'right':>7}{'accuracy':>10}"]
    for row in scoring.by_expectation(results):
        if row.count:
            out.append(f"{row.label:<22}{row.count:>7}{row.right:>7}{_pct(row.fraction):>10}")
    out += [
        "",
        "Calibration (cases with a draft, by their top confidence; then cases with none)",
        f"{'confidence':<22}{'cases':>7}{'right':>7}{'fraction':>10}",
    ]
    for row in scoring.calibration(results):
        out.append(f"{row.label:<22}{row.count:>7}{row.right:>7}{_pct(row.fraction):>10}")
    wrong_sure = scoring.wrong_sure(results)
    out += ["", f"Wrong at >= 0.9: {len(wrong_sure)}"]
    for r in wrong_sure:
        out += _case_lines(r)
    if show_wrong:
        others = [r for r in results if not r.right and not scoring.is_wrong_sure(r)]
        out += ["", f"Other wrong cases: {len(others)}"]
        for r in others:
            out += _case_lines(r)
    return "\n".join(out)


def _case_lines(r: scoring.Result) -> list[str]:
    return [
        f"  {r.case_id:<12} [{r.group}] {_short(r.text)}",
        f"  {'':<12} {_short(r.diff, 200)}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", default=DEFAULT_CASES, help="dotted module or .py path")
    parser.add_argument("--group", action="append", help="only this group (repeatable)")
    parser.add_argument("--show-wrong", action="store_true", help="list every wrong case")
    parser.add_argument("--drafter", default=DEFAULT_DRAFTER, help="MODULE:FUNCTION")
    args = parser.parse_args(argv)

    cases, items = load_cases(args.cases)
    problems = scoring.validate_cases(cases, items)
    if problems:
        print(f"{args.cases}: {len(problems)} problem(s) in the table:", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 2
    if args.group:
        cases = [c for c in cases if c["group"] in args.group]
        if not cases:
            print(f"no cases in group(s) {', '.join(args.group)}", file=sys.stderr)
            return 2
    drafter = load_drafter(args.drafter)
    started = time.perf_counter()
    results = scoring.score_cases(cases, items, drafter)
    elapsed = time.perf_counter() - started
    title = (
        f"{args.cases}: {len(cases)} cases, drafter {args.drafter} "
        f"({1000 * elapsed / max(1, len(cases)):.2f} ms/case)"
    )
    print(format_report(results, show_wrong=args.show_wrong, title=title))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
