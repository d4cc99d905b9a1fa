"""How long ``nss-autofill check`` takes on a profile: whole process and in-process.

Run: ``python benchmarks/bench_check.py [PROFILE] [--runs N]``. The target is well under half a
second for the whole process, which is why the check path imports neither Playwright nor the
browser modules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.5


def whole_process(profile: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU time of ``python -m nss_autofill check PROFILE`` in a fresh interpreter.

    CPU time (user + system of the child) hardly moves when the machine is busy; wall time does.
    """
    import resource

    cmd = [sys.executable, "-m", "nss_autofill", "check", str(profile)]
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if res.returncode != 0:
            raise SystemExit(f"check failed ({res.returncode}):\n{res.stderr}")
    return wall, cpu


def in_process(profile: Path, runs: int) -> list[float]:
    """Time of ``check_command`` once the modules are imported (validation + summary)."""
    from nss_autofill.commands.check import check_command

    today = dt.date(2027, 1, 4)
    times: list[float] = []
    for _ in range(runs):
        sink = io.StringIO()
        start = time.perf_counter()
        with redirect_stdout(sink), redirect_stderr(sink):
            code = check_command(profile, "en", today=today)
        times.append(time.perf_counter() - start)
        assert code == 0, sink.getvalue()
    return times


def _line(name: str, times: list[float]) -> str:
    med, low = statistics.median(times), min(times)
    return (
        f"{name:<16} median {med * 1000:7.1f} ms   min {low * 1000:7.1f} ms   ({len(times)} runs)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profile", nargs="?", type=Path, default=ROOT / "profiles" / "example.yaml")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    wall, cpu = whole_process(args.profile, args.runs)
    inproc = in_process(args.profile, args.runs * 5)
    print(_line("whole process", wall))
    print(_line("  of it CPU", cpu))
    print(_line("in process", inproc))
    ok = statistics.median(wall) <= TARGET_S
    print(f"target ≤ {TARGET_S:.1f} s whole process: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
