import type { ExportFormatName } from "@/lib/export/export-formats";

// What a trainer reads as the prompt and the answer(s) of one exported line, per format, written
// from the trainers' documentation rather than from the writer: TRL joins a conversational prompt
// through its chat template, LLaMA-Factory joins instruction and input with a newline and takes
// `system` from its mapped column, OpenAI reads the messages.

type Message = { role: string; content: string };
type Turn = { from: string; value: string };
export type LineText = { system: string; user: string; answers: string[] };

const fromMessages = (messages: Message[], answers: string[]): LineText => ({
  system: messages
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n"),
  user: messages
    .filter((m) => m.role === "user")
    .map((m) => m.content)
    .join("\n"),
  answers,
});

export function lineText(format: ExportFormatName, row: Record<string, unknown>): LineText {
  const text = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : "");
  const list = <T>(key: string) => row[key] as T[];
  const one = <T>(key: string) => row[key] as T;
  const humans = (turns: Turn[]) =>
    turns
      .filter((t) => t.from === "human")
      .map((t) => t.value)
      .join("\n");
  switch (format) {
    case "alpaca":
      return {
        system: text("system"),
        user: [text("instruction"), text("input")].filter(Boolean).join("\n"),
        answers: [text("output")],
      };
    case "llamafactory-alpaca-preference":
      return {
        system: text("system"),
        user: [text("instruction"), text("input")].filter(Boolean).join("\n"),
        answers: [text("chosen"), text("rejected")],
      };
    case "sharegpt":
      return {
        system: text("system"),
        user: humans(list<Turn>("conversations")),
        answers: list<Turn>("conversations")
          .filter((t) => t.from === "gpt")
          .map((t) => t.value),
      };
    case "llamafactory-sharegpt-preference":
      return {
        system: text("system"),
        user: humans(list<Turn>("conversations")),
        answers: [one<Turn>("chosen").value, one<Turn>("rejected").value],
      };
    case "messages":
    case "openai-chat": {
      const messages = list<Message>("messages");
      return fromMessages(
        messages,
        messages.filter((m) => m.role === "assistant").map((m) => m.content),
      );
    }
    case "trl-dpo":
      return { system: "", user: text("prompt"), answers: [text("chosen"), text("rejected")] };
    case "trl-dpo-conversational":
      return fromMessages(list<Message>("prompt"), [
        list<Message>("chosen")[0]!.content,
        list<Message>("rejected")[0]!.content,
      ]);
    case "openai-preference":
      return fromMessages(one<{ messages: Message[] }>("input").messages, [
        list<Message>("preferred_output")[0]!.content,
        list<Message>("non_preferred_output")[0]!.content,
      ]);
  }
}
