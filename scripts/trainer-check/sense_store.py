"""A throwaway Sense Studio store filled the way a new user fills one, through the project's CLI:
the demo data (`sense seed`), a strong job against the demo stand-in model, a BIRD-layout folder of
the harness's own databases imported, and offline mutation jobs over every task."""
import json
import os
import socket
import sqlite3
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(HERE, "fixture")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SenseStore:
    def __init__(self, work: str):
        self.work = work
        self.data = os.path.join(work, "data")
        self.env = {
            **os.environ,
            "SENSE_DATA_DIR": self.data,
            "SENSE_SEED_DEMO": "0",
            "SENSE_DEMO_MODEL_PORT": str(free_port()),  # the stand-in a job starts, apart from anyone's dev server
            "NEXT_TELEMETRY_DISABLED": "1",
        }
        self.env.pop("SENSE_DB_FILE", None)
        self.env.pop("SENSE_PROJECT_ROOT", None)

    def sense(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """Runs `sense ARGS` (bin/sense.mjs); the result, whatever its exit code."""
        return subprocess.run(["node", os.path.join(ROOT, "bin", "sense.mjs"), *args], cwd=self.work, env=self.env, input=stdin, capture_output=True, text=True)

    def must(self, *args: str, stdin: str | None = None) -> str:
        done = self.sense(*args, stdin=stdin)
        if done.returncode != 0:
            raise RuntimeError(f"sense {' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
        return done.stdout

    def build_fixture_folder(self) -> str:
        """The harness's own databases in BIRD's layout (dev.json, dev_databases/<db>/<db>.sqlite)."""
        folder = os.path.join(self.work, "fixture-bird")
        for name in os.listdir(FIXTURE):
            if not name.endswith(".sql"):
                continue
            db_id = name[:-4]
            os.makedirs(os.path.join(folder, "dev_databases", db_id), exist_ok=True)
            db = sqlite3.connect(os.path.join(folder, "dev_databases", db_id, f"{db_id}.sqlite"))
            with open(os.path.join(FIXTURE, name)) as f:
                db.executescript(f.read())
            db.commit()
            db.close()
        with open(os.path.join(FIXTURE, "dev.json")) as f, open(os.path.join(folder, "dev.json"), "w") as out:
            json.dump(json.load(f), out)
        return folder

    def fill(self) -> None:
        os.makedirs(self.data, exist_ok=True)
        self.must("user", "add", "--email", "check@trainer.test", "--name", "Trainer Check", "--role", "admin", "--password-stdin", stdin="a trainer check password\n")
        self.env["SENSE_API_TOKEN"] = self.must("user", "token", "--email", "check@trainer.test", "--name", "trainer-check").strip()
        self.must("seed")
        # strong data: the stand-in writes one schema for every domain, as a real model may for near domains
        self.must("synth", "strong", "--provider", "demo-strong", "--domains", "ferry timetables,seed bank,chess league", "--questions", "12", "--wait")
        self.must("import", "bird", self.build_fixture_folder())
        self.must("synth", "mutate", "--keep", "2", "--wait")
