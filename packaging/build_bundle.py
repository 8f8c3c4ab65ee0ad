"""Build the one-folder desktop bundle (dist/SummitReader) with PyInstaller, in a build venv.

    python3 packaging/build_bundle.py [--venv DIR] [--dist DIR] [--no-check]

The build venv (default /tmp/summitreader-bundle-venv, reused when present) gets PyInstaller and
the application's dependencies from pyproject.toml; the application itself is taken from this
checkout. Afterwards the bundle is run with an empty environment (`--version`, `--self-test`) to
show it needs no Python installed, and its size and start-up times are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "summitreader.spec"
DEFAULT_VENV = Path("/tmp/summitreader-bundle-venv")
PYINSTALLER = "pyinstaller>=6.10"
BUNDLE_NAME = "SummitReader"
EXECUTABLE = "summitreader"


def dependencies() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def ensure_venv(venv: Path) -> Path:
    """Create the build venv if needed and install PyInstaller and the dependencies into it."""
    python = venv_python(venv)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", PYINSTALLER, *dependencies()], check=True
    )
    return python


def run_pyinstaller(python: Path, dist: Path, work: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # the application comes from this checkout
    command = [str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def strip_debug_info(bundle: Path) -> int:
    """Drop the debug sections some wheels ship in their extension modules; returns bytes saved.

    spaCy's and thinc's modules carry full debug information (over 100 MB). Only Python extension
    modules are touched: the libraries auditwheel vendored into `*.libs` were rewritten by patchelf
    and are left as they are, and so is Qt.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("strip not found: extension modules keep their debug information")
        return 0
    modules = [
        p
        for p in (bundle / "_internal").rglob("*.cpython-*.so")
        if "PySide6" not in p.parts and not any(part.endswith(".libs") for part in p.parts)
    ]
    before = sum(p.stat().st_size for p in modules)
    for start in range(0, len(modules), 100):
        chunk = [str(p) for p in modules[start : start + 100]]
        subprocess.run([strip, "--strip-debug", *chunk], check=True)
    return before - sum(p.stat().st_size for p in modules)


def clean_env() -> dict[str, str]:
    """An environment with no Python of ours in it: what a user's desktop session offers."""
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def timed_run(executable: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(executable), *args], env=clean_env(), capture_output=True, text=True, check=False
    )
    return time.perf_counter() - started, done


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check_bundle(bundle: Path) -> bool:
    executable = bundle / EXECUTABLE
    print(f"bundle: {bundle} ({folder_size(bundle) / 2**20:.0f} MiB)")
    ok = True
    for args in (("--version",), ("--self-test",)):
        seconds, done = timed_run(executable, *args)
        print(f"$ {EXECUTABLE} {' '.join(args)}  -> exit {done.returncode} in {seconds:.1f} s")
        print(done.stdout.rstrip())
        if done.returncode != 0:
            print(done.stderr.rstrip()[-4000:], file=sys.stderr)
            ok = False
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="the build venv")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-check", action="store_true", help="skip running the bundle")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    python = ensure_venv(args.venv)
    print(f"build venv ready in {time.perf_counter() - started:.0f} s")
    bundle = args.dist / BUNDLE_NAME
    if bundle.exists():
        shutil.rmtree(bundle)
    building = time.perf_counter()
    run_pyinstaller(python, args.dist, args.work)
    print(f"PyInstaller built {bundle} in {time.perf_counter() - building:.0f} s")
    saved = strip_debug_info(bundle)
    print(f"debug information stripped from extension modules: {saved / 2**20:.0f} MiB saved")
    if args.no_check:
        return 0
    return 0 if check_bundle(bundle) else 1


if __name__ == "__main__":
    sys.exit(main())
