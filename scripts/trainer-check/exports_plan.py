"""The exports the check makes with `sense export`, as a researcher would, and what each must give."""
import glob
import json
import os

PENDING = ["--status", "pending"]  # nothing in the fresh store is reviewed yet
LONG_SYSTEM = ("You are a SQLite expert. Answer with one SQLite query that answers the question. " * 60)[:4000]  # the most `--system` takes

# key: (arguments after `sense export`, the output under the work folder)
EXPORTS = {
    "sft-messages": (["--format", "messages", *PENDING], "sft/messages.jsonl"),
    "sft-openai": (["--format", "openai-chat", *PENDING], "sft/openai-chat.jsonl"),
    "sft-code-comment": (["--format", "messages", "--template", "code-comment", *PENDING], "sft/code-comment.jsonl"),
    "sft-alpaca": (["--format", "alpaca", *PENDING], "lf-sft/alpaca.jsonl"),
    "sft-sharegpt": (["--format", "sharegpt", "--template", "schema-with-rows", *PENDING], "lf-sft/sharegpt.jsonl"),
    "pairs-dpo": (["--format", "trl-dpo", "--validation", "0.2", "--seed", "7", *PENDING], "pairs/trl-dpo.jsonl"),
    "pairs-dpo-conv": (["--format", "trl-dpo-conversational", "--validation", "0.3", "--seed", "3", *PENDING], "pairs/trl-dpo-conversational.jsonl"),
    "pairs-dpo-code": (["--format", "trl-dpo", "--template", "code-comment", *PENDING], "pairs/code-comment.jsonl"),
    "pairs-openai": (["--format", "openai-preference", *PENDING], "pairs/openai-preference.jsonl"),
    "pairs-lf-alpaca": (["--format", "llamafactory-alpaca-preference", "--validation", "0.2", *PENDING], "lf-pairs/alpaca-preference.jsonl"),
    "pairs-lf-sharegpt": (["--format", "llamafactory-sharegpt-preference", "--validation", "0.2", "--template", "code-comment", *PENDING], "lf-pairs/sharegpt-preference.jsonl"),
    # a large file (sample rows and the longest system instruction allowed in every prompt, duplicates
    # kept): some 750 KB, a dozen 64 KB chunks, past the 10 listeners at which Node warns
    # MaxListenersExceededWarning if each chunk's write left one behind (without the long instruction
    # the file held 4 chunks and a writer leaking a listener a chunk passed this check)
    "pairs-large": (["--format", "trl-dpo-conversational", "--template", "schema-with-rows", "--sample-rows", "10", "--system", LONG_SYSTEM, "--no-dedup", "--status", "pending,accepted,edited,rejected"], "large/pairs.jsonl"),
    # two exports of one format into one folder, named: files named by name and id
    "named-1": (["--format", "trl-dpo", "--name", "DPO run", *PENDING], "named/"),
    "named-2": (["--format", "trl-dpo", "--name", "DPO run", *PENDING], "named/"),
}

# key: (arguments, output, words the refusal must contain)
REFUSALS = {
    "sft-split-one-schema": (["--format", "messages", "--validation", "0.2", *PENDING], "refused-one-schema/one-schema.jsonl", "at least two distinct schemas"),
    "empty": (["--format", "trl-dpo", "--from", "2999-01-01", *PENDING], "refused-empty/empty.jsonl", "Nothing to export"),
    "inverted": (["--format", "alpaca", "--from", "2026-06-02", "--to", "2026-06-01", *PENDING], "refused-inverted/inverted.jsonl", "is after To"),
}


def manifest_of(work: str, out: str, stdout: str) -> dict | None:
    """The manifest the export wrote (the CLI prints its path last among the files it lists)."""
    paths = [line.strip() for line in stdout.splitlines() if line.strip().endswith(".manifest.json")]
    if paths and os.path.exists(paths[-1]):
        with open(paths[-1]) as f:
            return json.load(f)
    if not out.endswith("/"):
        candidate = os.path.join(work, out[: -len(".jsonl")] + ".manifest.json")
        if os.path.exists(candidate):
            with open(candidate) as f:
                return json.load(f)
    return None


def run_exports(store) -> dict:
    """Runs every export and refusal; for each: the process, the folder and the manifest (None when none)."""
    results = {}
    for key, (args, out) in EXPORTS.items():
        target = os.path.join(store.work, out)
        os.makedirs(os.path.dirname(target.rstrip("/")) if not out.endswith("/") else target, exist_ok=True)
        proc = store.sense("export", *args, "--out", target)
        folder = target if out.endswith("/") else os.path.dirname(target)
        results[key] = {"proc": proc, "dir": folder, "manifest": manifest_of(store.work, out, proc.stdout) if proc.returncode == 0 else None}
    for key, (args, out, words) in REFUSALS.items():
        target = os.path.join(store.work, out)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        proc = store.sense("export", *args, "--out", target)
        results[key] = {"proc": proc, "dir": os.path.dirname(target), "manifest": None, "refusal": words, "left": glob.glob(os.path.join(os.path.dirname(target), "*"))}
    return results


def data_files(result: dict) -> list[tuple[str, str, dict]]:
    """(split, path, file entry) of each data file of a finished export."""
    manifest = result["manifest"] or {}
    return [(f["split"], os.path.join(result["dir"], f["name"]), f) for f in manifest.get("files", [])]
