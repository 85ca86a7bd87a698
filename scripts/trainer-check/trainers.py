"""The real trainers on the exported files: a tiny random Llama and a byte-level BPE tokenizer with a
chat template, both made here (nothing is downloaded), then TRL's SFTTrainer and DPOTrainer for two
steps each. The losses must be finite."""
import copy
import json
import math

import torch
from datasets import load_dataset
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
from transformers.trainer_callback import PrinterCallback
from trl import DPOConfig, DPOTrainer, SFTConfig, SFTTrainer

SPECIAL = ["<unk>", "<pad>", "<s>", "</s>"]
CHAT_TEMPLATE = "{% for m in messages %}{{ '<|' + m['role'] + '|>\n' + m['content'] + '</s>' }}{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}"


def tiny_tokenizer(files: list[str]) -> PreTrainedTokenizerFast:
    def texts():
        for path in files:
            with open(path) as f:
                yield from f
    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator(texts(), trainers.BpeTrainer(vocab_size=2000, special_tokens=SPECIAL, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False))
    tok = PreTrainedTokenizerFast(tokenizer_object=bpe, unk_token="<unk>", pad_token="<pad>", bos_token="<s>", eos_token="</s>")
    tok.chat_template = CHAT_TEMPLATE
    return tok


def tiny_model(tok: PreTrainedTokenizerFast) -> LlamaForCausalLM:
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=2048, pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    return LlamaForCausalLM(config)


def common(out: str) -> dict:
    return dict(output_dir=out, max_steps=2, per_device_train_batch_size=2, logging_steps=1, report_to=[], save_strategy="no", use_cpu=True, disable_tqdm=True, seed=0)


def train(trainer) -> list[float]:
    """Trains quietly (the losses are read from its log, not printed); the loss of each step."""
    trainer.remove_callback(PrinterCallback)
    trainer.train()
    return [h["loss"] for h in trainer.state.log_history if "loss" in h]


def check_losses(what: str, values: list[float]) -> list[str]:
    if len(values) != 2:
        return [f"{what}: {len(values)} steps logged, not 2"]
    return [f"{what}: loss {v} is not finite" for v in values if not math.isfinite(v)]


def run_sft(path: str, tok, work: str) -> list[str]:
    rows = load_dataset("json", data_files=path, split="train")
    trainer = SFTTrainer(model=tiny_model(tok), args=SFTConfig(**common(work), max_length=1024), train_dataset=rows, processing_class=tok)
    return check_losses(f"SFTTrainer on {path}", train(trainer))


def run_dpo(path: str, tok, work: str) -> list[str]:
    rows = load_dataset("json", data_files=path, split="train")
    model = tiny_model(tok)
    trainer = DPOTrainer(model=model, ref_model=copy.deepcopy(model), args=DPOConfig(**common(work), max_length=1024), train_dataset=rows, processing_class=tok)
    return check_losses(f"DPOTrainer on {path}", train(trainer))


def openai_shape(fmt: str, row: dict) -> str | None:
    """OpenAI's fine-tuning line shapes, strictly: the keys and roles its guides name, nothing else."""
    def messages_ok(ms, last):
        return isinstance(ms, list) and ms and all(set(m) == {"role", "content"} and m["role"] in ("system", "user", "assistant") and isinstance(m["content"], str) and m["content"] for m in ms) and ms[-1]["role"] == last
    if fmt == "openai-chat":
        ok = set(row) == {"messages"} and messages_ok(row["messages"], "assistant") and any(m["role"] == "user" for m in row["messages"])
    else:
        ok = set(row) == {"input", "preferred_output", "non_preferred_output"} and set(row["input"]) == {"messages"} and messages_ok(row["input"]["messages"], "user")
        ok = ok and all(isinstance(row[k], list) and len(row[k]) == 1 and messages_ok(row[k], "assistant") for k in ("preferred_output", "non_preferred_output"))
    return None if ok else json.dumps(row)[:200]
