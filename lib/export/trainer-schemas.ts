import { z } from "zod";
import type { ExportFormatName } from "@/lib/export/export-formats";

// The row shapes the trainers document, written from their documentation (TRL dataset formats,
// LLaMA-Factory data/README, OpenAI fine-tuning guides), independent of the code that writes them:
// tests validate every exported line against these.

const text = z.string().min(1);
const message = (role: "system" | "user" | "assistant") =>
  z.object({ role: z.literal(role), content: text }).strict();
const chat = z.array(z.union([message("system"), message("user"), message("assistant")])).min(2);
const turn = (from: "human" | "gpt") => z.object({ from: z.literal(from), value: text }).strict();
const id = { id: text }; // the item a line came from, in the formats whose trainers ignore keys they do not map
const sharegptTags = z
  .object({
    role_tag: z.literal("from"),
    content_tag: z.literal("value"),
    user_tag: z.literal("human"),
    assistant_tag: z.literal("gpt"),
    system_tag: z.literal("system"),
  })
  .strict();

export const TRAINER_ROW_SCHEMAS: Record<ExportFormatName, z.ZodType> = {
  alpaca: z
    .object({ ...id, instruction: text, input: z.string(), output: text, system: z.string() })
    .strict(),
  sharegpt: z
    .object({ ...id, conversations: z.tuple([turn("human"), turn("gpt")]), system: z.string() })
    .strict(),
  messages: z
    .object({
      ...id,
      messages: chat.refine((m) => m.at(-1)?.role === "assistant", "the last message is the assistant's"),
    })
    .strict(),
  "openai-chat": z
    .object({
      messages: chat.refine(
        (m) => m.at(-1)?.role === "assistant" && m.some((x) => x.role === "user"),
        "user then assistant",
      ),
    })
    .strict(),
  "trl-dpo": z.object({ ...id, prompt: text, chosen: text, rejected: text }).strict(),
  "trl-dpo-conversational": z
    .object({
      ...id,
      prompt: z.array(z.union([message("system"), message("user")])).min(1),
      chosen: z.tuple([message("assistant")]),
      rejected: z.tuple([message("assistant")]),
    })
    .strict(),
  "llamafactory-alpaca-preference": z
    .object({ ...id, instruction: text, input: z.string(), chosen: text, rejected: text, system: z.string() })
    .strict(),
  "llamafactory-sharegpt-preference": z
    .object({
      ...id,
      conversations: z
        .array(z.union([turn("human"), turn("gpt")]))
        .min(1)
        .refine((c) => c.at(-1)?.from === "human", "ends with a human turn"),
      chosen: turn("gpt"),
      rejected: turn("gpt"),
      system: z.string(),
    })
    .strict(),
  "openai-preference": z
    .object({
      input: z
        .object({
          messages: z.array(z.union([message("system"), message("user"), message("assistant")])).min(1),
        })
        .strict(),
      preferred_output: z.tuple([message("assistant")]),
      non_preferred_output: z.tuple([message("assistant")]),
    })
    .strict(),
};

/** LLaMA-Factory's dataset_info.json entries, as its data/README documents them, per format. */
export const LLAMA_FACTORY_ENTRIES: Partial<Record<ExportFormatName, z.ZodType>> = {
  alpaca: z
    .object({
      file_name: text,
      columns: z
        .object({
          prompt: z.literal("instruction"),
          query: z.literal("input"),
          response: z.literal("output"),
          system: z.literal("system"),
        })
        .strict(),
    })
    .strict(),
  sharegpt: z
    .object({
      file_name: text,
      formatting: z.literal("sharegpt"),
      columns: z.object({ messages: z.literal("conversations"), system: z.literal("system") }).strict(),
      tags: sharegptTags,
    })
    .strict(),
  "llamafactory-alpaca-preference": z
    .object({
      file_name: text,
      ranking: z.literal(true),
      columns: z
        .object({
          prompt: z.literal("instruction"),
          query: z.literal("input"),
          chosen: z.literal("chosen"),
          rejected: z.literal("rejected"),
          system: z.literal("system"),
        })
        .strict(),
    })
    .strict(),
  "llamafactory-sharegpt-preference": z
    .object({
      file_name: text,
      formatting: z.literal("sharegpt"),
      ranking: z.literal(true),
      columns: z
        .object({
          messages: z.literal("conversations"),
          chosen: z.literal("chosen"),
          rejected: z.literal("rejected"),
          system: z.literal("system"),
        })
        .strict(),
      tags: sharegptTags,
    })
    .strict(),
};
