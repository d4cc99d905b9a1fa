"""Prove that the offline Windows bundle installs completely on win_amd64, Python 3.11-3.13.

Run: ``python scripts/check_windows_bundle.py build/windows-bundle/wheels`` (``make
windows-bundle`` does). For each Python version it asks pip to resolve ``nss-autofill`` from the
folder alone, as install.cmd will (``--no-index``), for the win_amd64 platform; and since pip
evaluates environment markers for the machine it runs on, not for ``--platform``, it also reads
every wheel's requirements and evaluates their markers for Windows itself. Exit 1 with the
reason when anything is missing or built for another platform.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

PYTHONS = ("3.11", "3.12", "3.13")


def windows_environment(python: str) -> dict[str, str]:
    """The marker environment of CPython ``python`` on 64-bit Windows."""
    env = default_environment()
    env.update(
        os_name="nt",
        sys_platform="win32",
        platform_system="Windows",
        platform_machine="AMD64",
        platform_release="10",
        implementation_name="cpython",
        platform_python_implementation="CPython",
        python_version=python,
        python_full_version=f"{python}.0",
        implementation_version=f"{python}.0",
    )
    return env


def wheel_requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        lines = zf.read(meta).decode("utf-8").splitlines()
    return [
        Requirement(line.split(":", 1)[1].strip())
        for line in lines
        if line.startswith("Requires-Dist:")
    ]


def foreign_wheels(folder: Path) -> list[str]:
    """Wheels that would not install on win_amd64 (a manylinux or macOS build, a 32-bit one)."""
    bad = []
    for wheel in sorted(folder.glob("*.whl")):
        _, _, _, tags = parse_wheel_filename(wheel.name)
        if not any(t.platform in ("any", "win_amd64") for t in tags):
            bad.append(wheel.name)
    return bad


def missing_for(folder: Path, installed: set[str], python: str) -> list[str]:
    """Requirements, true on Windows with ``python``, that no wheel in ``installed`` meets."""
    env = windows_environment(python)
    versions: dict[str, list[str]] = {}
    wheels: dict[str, Path] = {}
    for wheel in folder.glob("*.whl"):
        name, version, _, _ = parse_wheel_filename(wheel.name)
        versions.setdefault(name, []).append(str(version))
        wheels[name] = wheel
    out = []
    for name in sorted(installed):
        for req in wheel_requirements(wheels[name]):
            if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
                continue
            have = versions.get(canonicalize_name(req.name), [])
            if not any(req.specifier.contains(v, prereleases=True) for v in have):
                out.append(f"{name} needs {req} (python {python}, win_amd64)")
    return out


def resolve(folder: Path, python: str) -> set[str]:
    """What pip would install for ``python`` on win_amd64 from ``folder`` alone."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--quiet",
            "--ignore-installed", "--no-index", "--find-links", str(folder),
            "--only-binary=:all:", "--platform", "win_amd64", "--implementation", "cp",
            "--python-version", python, "--target", str(Path(tmp) / "target"),
            "--report", str(report), "nss-autofill",
        ]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"python {python}: pip cannot resolve the bundle:\n{done.stderr}")
        data = json.loads(report.read_text("utf-8"))
    return {canonicalize_name(item["metadata"]["name"]) for item in data["install"]}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("build/windows-bundle/wheels")
    problems = [f"not for win_amd64: {name}" for name in foreign_wheels(folder)]
    for python in PYTHONS:
        installed = resolve(folder, python)
        problems += missing_for(folder, installed, python)
        print(f"python {python} win_amd64: {len(installed)} distributions resolve from {folder}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        names = sorted(re.sub(r"-.*", "", w.name) for w in folder.glob("*.whl"))
        print(f"complete: {len(set(names))} distributions, {len(names)} wheels")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
