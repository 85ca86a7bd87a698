import "server-only";
import { callProvider, type ChatMessage, type ModelCallRecord } from "@/lib/llm/provider-client";
import type { ChatAnswer, ChatFailure } from "@/lib/llm/chat-client";
import { recordModelCalls } from "@/lib/llm/record-model-calls";
import { capStoredText } from "@/lib/llm/stored-text";
import type { Provider } from "@/lib/generated/prisma/client";

/** The raw text of an answer, cut for an error message (unparsable output is kept, never dropped). */
export const rawExcerpt = (text: string, max = 1_500) => capStoredText(text, max);

export type ModelTexts =
  { ok: true; texts: string[] } | { ok: false; kind: ChatFailure["kind"]; message: string };

/**
 * Sends `count` requests for one prompt (sample i with seed i), records every call against the job,
 * and returns the texts, or the failure when any request failed after the client's retries (the
 * item is then retried as a whole, so a task never ends with fewer samples than asked).
 */
export async function sampleModelTexts(
  provider: Provider,
  jobId: string,
  messages: ChatMessage[],
  count: number,
  options: { temperature?: number; firstSeed?: number; unparsable?: (text: string) => string | null } = {},
): Promise<ModelTexts> {
  const settled = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      callProvider(provider, messages, {
        temperature: options.temperature,
        seed: (options.firstSeed ?? 0) + i,
      }),
    ),
  );
  const calls = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const thrown = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  // an answer that cannot be read is recorded as such on its call, with the raw text
  const records = calls.map(({ answer, record }): ModelCallRecord => {
    const text = "texts" in answer ? answer.texts[0] : undefined;
    const reason = text === undefined ? null : (options.unparsable?.(text) ?? null);
    return reason === null
      ? record
      : { ...record, status: "unparsable", error: `${reason}. The answer was: ${rawExcerpt(text!, 4_000)}` };
  });
  await recordModelCalls(jobId, provider.id, records); // the calls that were made are recorded, even when another one threw
  if (thrown) throw thrown.reason;
  const failures = calls.map((c) => c.answer).filter((a): a is ChatFailure => !("texts" in a));
  if (failures.length) {
    const first = failures[0]!;
    const status = first.status ? ` ${first.status}` : "";
    return {
      ok: false,
      kind: first.kind,
      message: `${failures.length} of ${count} request(s) to ${provider.name} failed: ${first.kind}${status}: ${first.message}`,
    };
  }
  return { ok: true, texts: calls.map((c) => (c.answer as ChatAnswer).texts[0] ?? "") };
}
