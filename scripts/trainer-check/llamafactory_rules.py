"""LLaMA-Factory's loading of a dataset_dir, as its data/README documents it and its parser and
converters apply it (llamafactory is not on this machine's package mirror, so its rules are
written out here): datasets are declared in a file named exactly `dataset_info.json` in the
dataset_dir; an entry's `file_name` is relative to that folder; columns and ShareGPT tags default
as below; an Alpaca example's user turn is `prompt` and `query` joined by a newline and its system
text the mapped `system` column (empty: the chat template's default system prompt is used); a
ShareGPT example alternates human/observation and gpt/function_call turns, has an even count of
turns (odd for ranking) and, for ranking, `chosen`/`rejected` assistant turns. A broken example is
skipped with a warning, so any here fails the check."""
import json
import os

from datasets import load_dataset

DEFAULTS = {
    "alpaca": {"prompt": "instruction", "query": "input", "response": "output", "history": None, "system": None, "chosen": None, "rejected": None},
    "sharegpt": {"messages": "conversations", "system": None, "chosen": None, "rejected": None},
}
TAGS = {"role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt", "observation_tag": "observation", "function_tag": "function_call", "system_tag": "system"}


def attrs_of(entry: dict) -> dict:
    formatting = entry.get("formatting", "alpaca")
    columns = {**DEFAULTS[formatting], **entry.get("columns", {})}
    tags = {**TAGS, **(entry.get("tags", {}) if formatting == "sharegpt" else {})}
    return {"file_name": entry["file_name"], "formatting": formatting, "ranking": bool(entry.get("ranking", False)), "columns": columns, "tags": tags}


def convert_alpaca(a: dict, ex: dict) -> dict:
    c = a["columns"]
    query = [ex[c[k]] for k in ("prompt", "query") if c[k] and ex[c[k]]]
    prompt = [{"role": "user", "content": "\n".join(query)}]
    if a["ranking"] and isinstance(ex[c["chosen"]], str) and isinstance(ex[c["rejected"]], str):
        response = [{"role": "assistant", "content": ex[c["chosen"]]}, {"role": "assistant", "content": ex[c["rejected"]]}]
    elif c["response"] and isinstance(ex.get(c["response"]), str):
        response = [{"role": "assistant", "content": ex[c["response"]]}]
    else:
        response = []
    return {"prompt": prompt, "response": response, "system": ex[c["system"]] if c["system"] else ""}


def convert_sharegpt(a: dict, ex: dict) -> dict:
    c, t = a["columns"], a["tags"]
    odd, even = (t["user_tag"], t["observation_tag"]), (t["assistant_tag"], t["function_tag"])
    messages = ex[c["messages"]]
    system = ex[c["system"]] if c["system"] else ""
    if messages and messages[0][t["role_tag"]] == t["system_tag"]:
        system, messages = messages[0][t["content_tag"]], messages[1:]
    if any(m[t["role_tag"]] not in (odd, even)[i % 2] for i, m in enumerate(messages)):
        return {"broken": "a turn out of order"}
    if (not a["ranking"] and len(messages) % 2) or (a["ranking"] and len(messages) % 2 == 0):
        return {"broken": f"{len(messages)} turns"}
    aligned = [{"role": "user" if m[t["role_tag"]] in odd else "assistant", "content": m[t["content_tag"]]} for m in messages]
    if a["ranking"]:
        chosen, rejected = ex[c["chosen"]], ex[c["rejected"]]
        if not isinstance(chosen, dict) or chosen[t["role_tag"]] not in even or rejected[t["role_tag"]] not in even:
            return {"broken": "chosen/rejected are not assistant turns"}
        return {"prompt": aligned, "response": [{"role": "assistant", "content": chosen[t["content_tag"]]}, {"role": "assistant", "content": rejected[t["content_tag"]]}], "system": system}
    return {"prompt": aligned[:-1], "response": aligned[-1:], "system": system}


def load_entries(folder: str, info: dict, expected: dict[str, dict], check_system: bool) -> list[str]:
    """Loads the entries of `info` for the files in `expected` (file name -> {"ranking", "system"}) the
    LLaMA-Factory way; the problems: examples it would skip, wrong shapes, and (check_system) a system
    instruction not in its slot."""
    problems = []
    for name, entry in info.items():
        a = attrs_of(entry)
        if a["file_name"] not in expected:
            continue
        want = expected[a["file_name"]]
        if a["ranking"] != want["ranking"]:
            problems.append(f"{name}: ranking is {a['ranking']}, the file holds {'pairs' if want['ranking'] else 'SFT samples'}")
        rows = load_dataset("json", data_files=os.path.join(folder, a["file_name"]), split="train")
        for n, ex in enumerate(rows, start=1):
            try:
                out = (convert_alpaca if a["formatting"] == "alpaca" else convert_sharegpt)(a, ex)
            except KeyError as missing:
                problems.append(f"{name}: line {n}: column {missing} is mapped but missing")
                break
            if "broken" in out:
                problems.append(f"{name}: line {n}: LLaMA-Factory would skip it ({out['broken']})")
                break
            if len(out["response"]) != (2 if a["ranking"] else 1):
                problems.append(f"{name}: line {n}: {len(out['response'])} responses")
                break
            if check_system and want["system"] and out["system"] != want["system"]:
                problems.append(f"{name}: line {n}: the system slot holds {out['system'][:60]!r}, not the export's instruction (empty, LLaMA-Factory puts its template's default system prompt there)")
                break
            if check_system and want["system"] and want["system"] in out["prompt"][-1]["content"]:
                problems.append(f"{name}: line {n}: the system instruction is in the user's turn")
                break
    return problems


def check_dataset_dir(folder: str, expected: dict[str, dict]) -> list[str]:
    """The folder works as LLaMA-Factory's dataset_dir: a dataset_info.json there declares every
    exported file (train and validation) and each loads."""
    info_file = os.path.join(folder, "dataset_info.json")
    if not os.path.exists(info_file):
        return [f"{folder}: no dataset_info.json (LLaMA-Factory reads only that file in its dataset_dir); found {sorted(os.listdir(folder))}"]
    with open(info_file) as f:
        info = json.load(f)
    declared = {attrs_of(e)["file_name"] for e in info.values()}
    missing = [f"{os.path.basename(folder)}/dataset_info.json declares no entry for {name}" for name in expected if name not in declared]
    return missing + load_entries(folder, info, expected, check_system=False)
