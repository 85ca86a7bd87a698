// A chat completion's body, read with zod: the texts of its choices and the tokens it reports.
// A body that is not JSON, or JSON of another shape, is a failure that says what it was.
import { z } from "zod";

const tokenCount = z.number().int().nonnegative().catch(0);

const chatReplySchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }) }))
    .min(1, "it has no choices"),
  usage: z
    .object({ prompt_tokens: tokenCount.default(0), completion_tokens: tokenCount.default(0) })
    .nullish()
    .catch(null),
});

export type ChatReply =
  | { ok: true; texts: string[]; promptTokens: number; completionTokens: number }
  | { ok: false; kind: "unparsable" | "bad_response"; message: string };

const REPLY_EXCERPT_CHARS = 1_000;
const began = (body: string) =>
  body.length > REPLY_EXCERPT_CHARS
    ? `${body.slice(0, REPLY_EXCERPT_CHARS)}… (${body.length.toLocaleString("en")} characters in all)`
    : body;

/** The texts and token counts of a reply body; `unparsable` when it is not JSON, `bad_response` when it is no chat completion. */
export function readChatReply(body: string): ChatReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return {
      ok: false,
      kind: "unparsable",
      message: `the reply is not JSON (${(error as Error).message}). It began: ${began(body)}`,
    };
  }
  const parsed = chatReplySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      kind: "bad_response",
      message: `the reply is JSON but not a chat completion (${issue.path.join(".") || "body"}: ${issue.message}). It began: ${began(body)}`,
    };
  }
  return {
    ok: true,
    texts: parsed.data.choices.map((c) => c.message.content ?? ""),
    promptTokens: parsed.data.usage?.prompt_tokens ?? 0,
    completionTokens: parsed.data.usage?.completion_tokens ?? 0,
  };
}
