// The trainer formats an export writes, one JSON object per line. Field names and shapes follow the
// trainers' documentation: TRL (SFT conversational, DPO standard and conversational), LLaMA-Factory
// (Alpaca and ShareGPT, with preference "ranking" datasets), OpenAI fine-tuning (chat SFT and
// preference). Each format's rows are checked in tests against a schema of its documented shape.
// The system instruction always goes where the trainer looks for it: a system message, or the
// `system` column that the LLaMA-Factory entry maps (left out, LLaMA-Factory puts its template's
// default system prompt there and the instruction would land in the user's turn).

export type PromptParts = { system: string; user: string };
export type SftRecord = PromptParts & { sql: string };
export type PreferenceRecord = PromptParts & { chosen: string; rejected: string };

type Sft = { kind: "sft"; render: (r: SftRecord) => unknown };
type Pref = { kind: "pairs"; render: (r: PreferenceRecord) => unknown };
// extraKeys: the trainer ignores keys it does not map, so each line also carries the `id` of the
// item it came from (OpenAI's line shapes take no other keys: there the trace file alone maps lines)
type Common = {
  label: string;
  trainer: string;
  extraKeys: boolean;
  datasetInfo?: (fileName: string) => unknown;
};
export type ExportFormat = Common & (Sft | Pref);

const messages = (r: PromptParts) => [
  ...(r.system ? [{ role: "system", content: r.system }] : []),
  { role: "user", content: r.user },
];
// the ShareGPT keys the files use, spelled out in their entries (LLaMA-Factory's defaults today)
const SHAREGPT_TAGS = {
  role_tag: "from",
  content_tag: "value",
  user_tag: "human",
  assistant_tag: "gpt",
  system_tag: "system",
};
const promptText = (r: PromptParts) => (r.system ? `${r.system}\n\n${r.user}` : r.user);

export const EXPORT_FORMATS = {
  alpaca: {
    kind: "sft",
    label: "Alpaca (instruction, input, output)",
    trainer: "LLaMA-Factory, Alpaca-style SFT",
    extraKeys: true,
    render: (r: SftRecord) => ({ instruction: r.user, input: "", output: r.sql, system: r.system }),
    datasetInfo: (file: string) => ({
      file_name: file,
      columns: { prompt: "instruction", query: "input", response: "output", system: "system" },
    }),
  },
  sharegpt: {
    kind: "sft",
    label: "ShareGPT (conversations)",
    trainer: "LLaMA-Factory, ShareGPT-style SFT",
    extraKeys: true,
    render: (r: SftRecord) => ({
      conversations: [
        { from: "human", value: r.user },
        { from: "gpt", value: r.sql },
      ],
      system: r.system,
    }),
    datasetInfo: (file: string) => ({
      file_name: file,
      formatting: "sharegpt",
      columns: { messages: "conversations", system: "system" },
      tags: SHAREGPT_TAGS,
    }),
  },
  messages: {
    kind: "sft",
    label: "Chat messages (TRL SFT conversational)",
    trainer: "TRL SFTTrainer",
    extraKeys: true,
    render: (r: SftRecord) => ({ messages: [...messages(r), { role: "assistant", content: r.sql }] }),
  },
  "openai-chat": {
    kind: "sft",
    label: "OpenAI chat fine-tuning JSONL",
    trainer: "OpenAI / Together / Fireworks supervised fine-tuning",
    extraKeys: false,
    render: (r: SftRecord) => ({ messages: [...messages(r), { role: "assistant", content: r.sql }] }),
  },
  "trl-dpo": {
    kind: "pairs",
    label: "TRL DPO, standard (prompt, chosen, rejected)",
    trainer: "TRL DPOTrainer",
    extraKeys: true,
    render: (r: PreferenceRecord) => ({ prompt: promptText(r), chosen: r.chosen, rejected: r.rejected }),
  },
  "trl-dpo-conversational": {
    kind: "pairs",
    label: "TRL DPO, conversational",
    trainer: "TRL DPOTrainer",
    extraKeys: true,
    render: (r: PreferenceRecord) => ({
      prompt: messages(r),
      chosen: [{ role: "assistant", content: r.chosen }],
      rejected: [{ role: "assistant", content: r.rejected }],
    }),
  },
  "llamafactory-alpaca-preference": {
    kind: "pairs",
    label: "LLaMA-Factory preference, Alpaca (instruction, input, chosen, rejected)",
    trainer: "LLaMA-Factory DPO / ORPO / RM",
    extraKeys: true,
    render: (r: PreferenceRecord) => ({
      instruction: r.user,
      input: "",
      chosen: r.chosen,
      rejected: r.rejected,
      system: r.system,
    }),
    datasetInfo: (file: string) => ({
      file_name: file,
      ranking: true,
      columns: {
        prompt: "instruction",
        query: "input",
        chosen: "chosen",
        rejected: "rejected",
        system: "system",
      },
    }),
  },
  "llamafactory-sharegpt-preference": {
    kind: "pairs",
    label: "LLaMA-Factory preference, ShareGPT",
    trainer: "LLaMA-Factory DPO / ORPO / RM",
    extraKeys: true,
    render: (r: PreferenceRecord) => ({
      conversations: [{ from: "human", value: r.user }],
      chosen: { from: "gpt", value: r.chosen },
      rejected: { from: "gpt", value: r.rejected },
      system: r.system,
    }),
    datasetInfo: (file: string) => ({
      file_name: file,
      formatting: "sharegpt",
      ranking: true,
      columns: { messages: "conversations", chosen: "chosen", rejected: "rejected", system: "system" },
      tags: SHAREGPT_TAGS,
    }),
  },
  "openai-preference": {
    kind: "pairs",
    label: "OpenAI preference fine-tuning JSONL",
    trainer: "OpenAI / Together / Fireworks DPO",
    extraKeys: false,
    render: (r: PreferenceRecord) => ({
      input: { messages: messages(r) },
      preferred_output: [{ role: "assistant", content: r.chosen }],
      non_preferred_output: [{ role: "assistant", content: r.rejected }],
    }),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];
export const formatOf = (name: ExportFormatName): ExportFormat => EXPORT_FORMATS[name];
