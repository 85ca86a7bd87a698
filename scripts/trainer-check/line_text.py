"""What a trainer reads as the system text, the user's prompt and the answer(s) of one line, per
format, from the trainers' documented field names (not from our writer)."""


def _messages(messages, answers):
    return {
        "system": "\n".join(m["content"] for m in messages if m["role"] == "system"),
        "user": "\n".join(m["content"] for m in messages if m["role"] == "user"),
        "answers": answers,
    }


def line_text(fmt: str, row: dict) -> dict:
    if fmt == "alpaca":
        return {"system": row.get("system", ""), "user": "\n".join(x for x in [row["instruction"], row["input"]] if x), "answers": [row["output"]]}
    if fmt == "llamafactory-alpaca-preference":
        return {"system": row.get("system", ""), "user": "\n".join(x for x in [row["instruction"], row["input"]] if x), "answers": [row["chosen"], row["rejected"]]}
    if fmt == "sharegpt":
        turns = row["conversations"]
        return {"system": row.get("system", ""), "user": "\n".join(t["value"] for t in turns if t["from"] == "human"), "answers": [t["value"] for t in turns if t["from"] == "gpt"]}
    if fmt == "llamafactory-sharegpt-preference":
        turns = row["conversations"]
        return {"system": row.get("system", ""), "user": "\n".join(t["value"] for t in turns if t["from"] == "human"), "answers": [row["chosen"]["value"], row["rejected"]["value"]]}
    if fmt in ("messages", "openai-chat"):
        return _messages(row["messages"], [m["content"] for m in row["messages"] if m["role"] == "assistant"])
    if fmt == "trl-dpo":
        return {"system": "", "user": row["prompt"], "answers": [row["chosen"], row["rejected"]]}
    if fmt == "trl-dpo-conversational":
        return _messages(row["prompt"], [row["chosen"][0]["content"], row["rejected"][0]["content"]])
    if fmt == "openai-preference":
        return _messages(row["input"]["messages"], [row["preferred_output"][0]["content"], row["non_preferred_output"][0]["content"]])
    raise ValueError(f"unknown format {fmt}")
