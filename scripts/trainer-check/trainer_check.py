"""The trainer-load check (npm run test:trainers runs it in its venv): a fresh store filled through
the project's CLI from demo jobs, every export format written by `sense export`, then every file
loaded with `datasets`, the chat and preference files trained for two steps in TRL, the LLaMA-Factory
files loaded by its documented rules, and each defect of issue 14 checked. Prints one line a check
and exits 1 when any fails. `--keep DIR` works in DIR and leaves it for a look."""
import os
import shutil
import sys
import tempfile
import time
import traceback

for name, value in {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false", "TRANSFORMERS_VERBOSITY": "error", "DATASETS_VERBOSITY": "error", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}.items():
    os.environ.setdefault(name, value)

import checks_content as cc  # noqa: E402
from exports_plan import data_files, run_exports  # noqa: E402
from sense_store import SenseStore  # noqa: E402

RESULTS: list[tuple[str, str, list[str], float]] = []


def check(label: str, name: str, fn) -> None:
    started = time.monotonic()
    try:
        problems = fn()
    except Exception:  # a check that crashes fails, with its trace
        problems = [traceback.format_exc(limit=4)]
    RESULTS.append((label, name, problems, time.monotonic() - started))
    print(f"{'PASS' if not problems else 'FAIL'}  [{label}] {name} ({time.monotonic() - started:.1f} s)", flush=True)
    for p in problems[:8]:
        print(f"        {p}", flush=True)


def main(argv: list[str]) -> int:
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    work = os.path.abspath(keep) if keep else tempfile.mkdtemp(prefix="sense-trainer-check-")
    if keep:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    os.environ["HF_HOME"] = os.path.join(work, "hf")  # datasets' cache in the throwaway folder
    started = time.monotonic()
    try:
        store = SenseStore(work)
        store.fill()
        print(f"store filled through the CLI in {time.monotonic() - started:.0f} s", flush=True)
        results = run_exports(store)
        print(f"{len(results)} exports run in {time.monotonic() - started:.0f} s", flush=True)
        run_checks(results, work)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    failed = [r for r in RESULTS if r[2]]
    print(f"trainer check: {len(RESULTS) - len(failed)} of {len(RESULTS)} checks passed in {time.monotonic() - started:.0f} s", flush=True)
    return 1 if failed else 0


def run_checks(results: dict, work: str) -> None:
    from datasets import load_dataset  # imported late: the store is filled meanwhile on a quiet CPU

    import llamafactory_rules as lf
    import trainers

    check("exports", "every export of the plan finished", lambda: cc.not_finished(results))

    def loads():
        problems = []
        for key, r in cc.finished(results).items():
            fmt = r["manifest"]["format"]
            for _, path, f in data_files(r):
                rows = load_dataset("json", data_files=path, split="train")
                if len(rows) != f["rows"]:
                    problems.append(f"{key}: datasets reads {len(rows)} rows of {os.path.basename(path)}, the manifest says {f['rows']}")
                if fmt.startswith("openai"):
                    problems += [f"{key}: not OpenAI's shape: {bad}" for bad in (trainers.openai_shape(fmt, row) for row in cc.read_lines(path)) if bad][:3]
        return problems

    check("shapes", "datasets.load_dataset('json') reads every file; OpenAI lines strictly in OpenAI's shape", loads)
    check("defect 1", "no prompt ends with the word its answer starts with (code-comment: SELECT SELECT)", lambda: cc.seam(results))
    check("defect 2", "each rendered example once per export, no prompt on both sides of a split", lambda: cc.duplicates_and_leaks(results))
    check("defect 3", "a split holds out the requested share of rows (within a quarter of it)", lambda: cc.split_share(results))
    check("defect 3", "a split that cannot be made (one schema) is refused with the reason, no file", lambda: cc.refusals(results, ["sft-split-one-schema"]))

    def lf_exports(ranking: bool):
        return {k: r for k, r in cc.finished(results).items() if r["manifest"]["format"] in ("alpaca", "sharegpt", "llamafactory-alpaca-preference", "llamafactory-sharegpt-preference") and (r["manifest"]["kind"] == "preference") == ranking}

    def expected(exports: dict) -> dict:
        return {f["name"]: {"ranking": r["manifest"]["kind"] == "preference", "system": r["manifest"]["template"]["system"]} for r in exports.values() for _, _, f in data_files(r)}

    def system_slot():
        problems = []
        for exports in (lf_exports(False), lf_exports(True)):
            for key, r in exports.items():
                info = r["manifest"].get("datasetInfo") or {}
                problems += [f"{key}: {p}" for p in lf.load_entries(r["dir"], info, expected({key: r}), check_system=True)]
        return problems

    check("defect 4", "LLaMA-Factory finds the system instruction in its system slot (Alpaca and ShareGPT, SFT and preference)", system_slot)
    check("defect 5", "the export folders work as LLaMA-Factory dataset_dirs: dataset_info.json declares train and validation files", lambda: [p for ranking in (False, True) for p in lf.check_dataset_dir(next(iter(lf_exports(ranking).values()))["dir"], expected(lf_exports(ranking)))])
    check("defect 6", "an empty selection and a From after To are refused in words, no file written", lambda: cc.refusals(results, ["empty", "inverted"]))
    check("defect 7", "two exports into one folder get file names of their own (name and id)", lambda: cc.file_names(results))
    check("defect 8", "no export warns (MaxListenersExceededWarning)", lambda: cc.warnings(results))
    check("defect 9", "every line maps to its item (id in the line where allowed, always the trace file)", lambda: cc.traceability(results))

    sft = [p for k in ("sft-messages", "sft-openai", "sft-code-comment") for s, p, _ in data_files(results[k]) if s == "train"]
    dpo = [p for k in ("pairs-dpo", "pairs-dpo-conv") for s, p, _ in data_files(results[k]) if s == "train"]
    tok = trainers.tiny_tokenizer(sft + dpo) if sft and dpo else None
    out = os.path.join(work, "trainer-out")
    check("trainers", "TRL SFTTrainer: 2 steps on messages, openai-chat and code-comment files, finite losses", lambda: [p for path in sft for p in trainers.run_sft(path, tok, out)] if tok else ["no SFT files to train on"])
    check("trainers", "TRL DPOTrainer: 2 steps on trl-dpo and trl-dpo-conversational files, finite losses", lambda: [p for path in dpo for p in trainers.run_dpo(path, tok, out)] if tok else ["no preference files to train on"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
