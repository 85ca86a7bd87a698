"""npm run test:trainers: builds (or reuses) the trainer venv, then runs the trainer-load check in it.

The venv lives in .cache/trainer-venv (gitignored). It is reused while requirements.txt and the
Python that built it are unchanged (their sha256 is stamped in it); otherwise, or with --fresh, it
is built again from the machine's pip (which points at the local package mirror).
"""
import hashlib
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(ROOT, ".cache", "trainer-venv")
REQUIREMENTS = os.path.join(HERE, "requirements.txt")


def stamp() -> str:
    with open(REQUIREMENTS, "rb") as f:
        return hashlib.sha256(f.read() + sys.version.encode()).hexdigest()


def venv_python() -> str:
    return os.path.join(VENV, "bin", "python")


def ensure_venv(fresh: bool) -> str:
    stamp_file = os.path.join(VENV, ".requirements-sha256")
    wanted = stamp()
    if not fresh and os.path.exists(venv_python()) and os.path.exists(stamp_file) and open(stamp_file).read().strip() == wanted:
        print(f"trainer venv: reusing {VENV} (requirements unchanged)", flush=True)
        return venv_python()
    started = time.monotonic()
    print(f"trainer venv: building {VENV} from {REQUIREMENTS}", flush=True)
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    # --retries 0: the only index reachable is the local mirror; do not wait on the others
    subprocess.run([venv_python(), "-m", "pip", "install", "--quiet", "--retries", "0", "--timeout", "30", "-r", REQUIREMENTS], check=True)
    with open(stamp_file, "w") as f:
        f.write(wanted)
    print(f"trainer venv: built in {time.monotonic() - started:.0f} s", flush=True)
    return venv_python()


def main() -> int:
    args = sys.argv[1:]
    fresh = "--fresh" in args
    started = time.monotonic()
    python = ensure_venv(fresh)
    rest = [a for a in args if a != "--fresh"]
    code = subprocess.run([python, os.path.join(HERE, "trainer_check.py"), *rest], cwd=ROOT).returncode
    print(f"test:trainers: {'passed' if code == 0 else 'FAILED'} in {time.monotonic() - started:.0f} s (venv included)", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
