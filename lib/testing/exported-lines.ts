import type { ExportFormatName } from "@/lib/export/export-formats";

// What a trainer reads as the prompt and the answer(s) of one exported line, per format, written
// from the trainers' documentation rather than from the writer: TRL joins a conversational prompt
// through its chat template, LLaMA-Factory joins instruction and input with a newline and takes
// `system` from its mapped column, OpenAI reads the messages.

type Message = { role: string; content: string };
type Turn = { from: string; value: string };
export type LineText = { system: string; user: string; answers: string[] };

const fromMessages = (messages: Message[], answers: string[]): LineText => ({
  system: messages.filter((m) => m.role === "system").map((m) => m.content).join("\n"),
  user: messages.filter((m) => m.role === "user").map((m) => m.content).join("\n"),
  answers,
});

export function lineText(format: ExportFormatName, row: Record<string, unknown>): LineText {
  const r = row as Record<string, never>;
  switch (format) {
    case "alpaca":
      return { system: r.system ?? "", user: [r.instruction, r.input].filter(Boolean).join("\n"), answers: [r.output] };
    case "llamafactory-alpaca-preference":
      return { system: r.system ?? "", user: [r.instruction, r.input].filter(Boolean).join("\n"), answers: [r.chosen, r.rejected] };
    case "sharegpt": {
      const turns = r.conversations as Turn[];
      return { system: r.system ?? "", user: turns.filter((t) => t.from === "human").map((t) => t.value).join("\n"), answers: turns.filter((t) => t.from === "gpt").map((t) => t.value) };
    }
    case "llamafactory-sharegpt-preference": {
      const turns = r.conversations as Turn[];
      return { system: r.system ?? "", user: turns.filter((t) => t.from === "human").map((t) => t.value).join("\n"), answers: [(r.chosen as Turn).value, (r.rejected as Turn).value] };
    }
    case "messages":
    case "openai-chat": {
      const messages = r.messages as Message[];
      return fromMessages(messages, messages.filter((m) => m.role === "assistant").map((m) => m.content));
    }
    case "trl-dpo":
      return { system: "", user: r.prompt, answers: [r.chosen, r.rejected] };
    case "trl-dpo-conversational":
      return fromMessages(r.prompt as Message[], [(r.chosen as Message[])[0]!.content, (r.rejected as Message[])[0]!.content]);
    case "openai-preference":
      return fromMessages((r.input as { messages: Message[] }).messages, [(r.preferred_output as Message[])[0]!.content, (r.non_preferred_output as Message[])[0]!.content]);
  }
}
