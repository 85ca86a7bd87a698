"""Checks of what the exported lines say, each returning the problems it found (none: it passes)."""
import json
import os
import re

from exports_plan import REFUSALS, data_files
from line_text import line_text

WITH_ID = {"alpaca", "sharegpt", "messages", "trl-dpo", "trl-dpo-conversational", "llamafactory-alpaca-preference", "llamafactory-sharegpt-preference"}
OPENAI_KEYS = {"openai-chat": {"messages"}, "openai-preference": {"input", "preferred_output", "non_preferred_output"}}
SQL_WORDS = {"SELECT", "WITH", "FROM", "WHERE"}


def read_lines(path: str) -> list[dict]:
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def finished(results: dict) -> dict:
    return {k: r for k, r in results.items() if r["manifest"] is not None}


def not_finished(results: dict) -> list[str]:
    return [f"{k}: `sense export` exited {r['proc'].returncode}: {(r['proc'].stderr or r['proc'].stdout).strip()[:300]}" for k, r in results.items() if "refusal" not in r and r["manifest"] is None]


def seam(results: dict) -> list[str]:
    """Defect 1: the prompt's last word is not the answer's first (a model would learn `SELECT SELECT`)."""
    problems = []
    for key, r in finished(results).items():
        doubled = total = 0
        for _, path, _ in data_files(r):
            for row in read_lines(path):
                text = line_text(r["manifest"]["format"], row)
                last = (text["user"].split() or [""])[-1].upper()
                total += 1
                if last in SQL_WORDS and any((a.split() or [""])[0].upper() == last for a in text["answers"]):
                    doubled += 1
        if doubled:
            problems.append(f"{key}: {doubled} of {total} lines end the prompt with the word their answer starts with")
    return problems


def duplicates_and_leaks(results: dict) -> list[str]:
    """Defect 2: each rendered example once per export; no prompt on both sides of a split."""
    problems = []
    for key, r in finished(results).items():
        if not r["manifest"]["filters"]["dedup"]:
            continue
        seen, prompts = {}, {"train": set(), "validation": set()}
        for split, path, _ in data_files(r):
            for row in read_lines(path):
                text = line_text(r["manifest"]["format"], row)
                example = json.dumps([text["system"], text["user"], text["answers"]])
                seen[example] = seen.get(example, 0) + 1
                prompts[split].add((text["system"], text["user"]))
        dup = sum(n - 1 for n in seen.values())
        if dup:
            problems.append(f"{key}: {dup} of {sum(seen.values())} lines repeat an example already in the export")
        both = prompts["train"] & prompts["validation"]
        if both:
            problems.append(f"{key}: {len(both)} prompts are in train and in validation")
    return problems


def split_share(results: dict) -> list[str]:
    """Defect 3: a split holds out close to the requested share of rows (within a quarter of it)."""
    problems = []
    for key, r in finished(results).items():
        requested = r["manifest"]["split"]["validationFraction"]
        if not requested:
            continue
        rows = {split: f["rows"] for split, _, f in data_files(r)}
        share = rows.get("validation", 0) / max(1, sum(rows.values()))
        if abs(share - requested) > 0.25 * requested + 1e-9:
            problems.append(f"{key}: {rows.get('validation', 0)} of {sum(rows.values())} rows held out ({share:.1%}) for a requested {requested:.0%}")
    return problems


def refusals(results: dict, keys: list[str]) -> list[str]:
    """Defects 3 and 6: what cannot be exported is refused in words, leaving no file."""
    problems = []
    for key in keys:
        r, words = results[key], REFUSALS[key][2]
        said = r["proc"].stdout + r["proc"].stderr
        if r["proc"].returncode == 0:
            problems.append(f"{key}: exported (exit 0) instead of refusing")
        elif words not in said:
            problems.append(f"{key}: refused without saying '{words}': {said.strip()[:200]}")
        if r["left"]:
            problems.append(f"{key}: left {', '.join(os.path.basename(p) for p in r['left'])}")
    return problems


def file_names(results: dict) -> list[str]:
    """Defect 7: two exports into one folder get names of their own, from the export's name and id."""
    names = []
    for key in ("named-1", "named-2"):
        m = results[key]["manifest"]
        if m is None:
            return [f"{key}: no manifest ({results[key]['proc'].stderr.strip()[:200]})"]
        names += [(m["id"], f["name"]) for f in m["files"]]
    problems = [f"{name} does not carry the name 'dpo-run' and the id {i}" for i, name in names if not re.fullmatch(rf"dpo-run-{re.escape(i)}(-train|-validation)?\.jsonl", name)]
    if len({n for _, n in names}) != len(names):
        problems.append(f"two exports wrote the same file names: {names}")
    return problems


def warnings(results: dict) -> list[str]:
    """Defect 8: no export warns (MaxListenersExceededWarning on large exports)."""
    return [f"{k}: {line.strip()}" for k, r in results.items() for line in r["proc"].stderr.splitlines() if "Warning" in line]


def traceability(results: dict) -> list[str]:
    """Defect 9: every line maps to its item: an id in the line where the format allows, always the trace file."""
    problems = []
    for key, r in finished(results).items():
        m = r["manifest"]
        if not m.get("trace"):
            problems.append(f"{key}: no trace file in the manifest")
            continue
        trace = {(t["file"], t["line"]): t["id"] for t in read_lines(os.path.join(r["dir"], m["trace"]["name"]))}
        for _, path, f in data_files(r):
            for n, row in enumerate(read_lines(path), start=1):
                traced = trace.get((f["name"], n))
                if not traced:
                    problems.append(f"{key}: {f['name']} line {n} is not in the trace")
                    break
                if m["format"] in WITH_ID and row.get("id") != traced:
                    problems.append(f"{key}: {f['name']} line {n} carries id {row.get('id')!r}, the trace says {traced}")
                    break
                if m["format"] in OPENAI_KEYS and set(row) != OPENAI_KEYS[m["format"]]:
                    problems.append(f"{key}: {f['name']} line {n} has keys {sorted(row)}; OpenAI takes {sorted(OPENAI_KEYS[m['format']])}")
                    break
        if len(trace) != m["counts"]["written"]:
            problems.append(f"{key}: the trace maps {len(trace)} lines of {m['counts']['written']}")
    return problems
