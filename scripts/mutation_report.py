"""Print the kill rate per module of the last ``mutmut run`` (``make mutation``).

Reads mutmut's per-file records (``mutants/src/**/*.py.meta``). A mutant counts as killed when
a test failed on it or it timed out (an endless loop the tests caught); "no tests" and
"survived" are the ones left. ``--survivors`` lists them by name (``mutmut show NAME`` prints
the change). Exit 1 when a module listed in ``TARGETS`` is below its target.

Usage: ``python scripts/mutation_report.py [--survivors]``
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
META_ROOT = ROOT / "mutants" / "src"

# The guard's classification and the profile rules (docs/mutation.md).
TARGETS = {
    "nss_autofill/engine/guard/rules.py": 0.95,
    "nss_autofill/profile/values.py": 0.95,
}

_KILLED = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout",
           255: "timeout", 37: "killed"}  # fmt: skip
_LEFT = {0: "survived", 5: "no tests", 33: "no tests", None: "not checked"}


def _status(code: int | None) -> str:
    if code in _KILLED:
        return _KILLED[code]
    return _LEFT.get(code, f"suspicious ({code})")


def main(argv: list[str]) -> int:
    metas = sorted(META_ROOT.rglob("*.py.meta"))
    if not metas:
        print("no mutmut results under mutants/: run `make mutation`", file=sys.stderr)
        return 2
    below = []
    print(f"{'module':45} {'mutants':>7} {'killed':>7} {'left':>5} {'rate':>7}")
    for meta in metas:
        module = str(meta.relative_to(META_ROOT))[: -len(".meta")]
        codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        if not codes:
            continue
        statuses = {name: _status(code) for name, code in codes.items()}
        counts = Counter(statuses.values())
        killed = counts["killed"] + counts["timeout"]
        rate = killed / len(statuses)
        target = TARGETS.get(module)
        mark = "" if target is None else (" ok" if rate >= target else f" < {target:.0%}")
        print(f"{module:45} {len(statuses):7} {killed:7} {len(statuses) - killed:5} {rate:7.1%}"
              f"{mark}")  # fmt: skip
        if target is not None and rate < target:
            below.append(module)
        if "--survivors" in argv:
            for name, status in sorted(statuses.items()):
                if status not in ("killed", "timeout"):
                    print(f"    {status:12} {name}")
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
