// The domains a strong model proposed: a JSON array of names, in a fenced block or bare.
import { z } from "zod";
import { outermostSpan, parseModelJson } from "@/lib/llm/text-spans";

const domainListSchema = z.array(z.string().trim().min(2).max(80));

/** The domains in a model's answer: a JSON array of names (from the first "[" to the last "]"). */
export function parseDomainList(text: string): string[] | null {
  const json = outermostSpan(text, "[", "]");
  const parsed = json ? parseModelJson(json) : null;
  if (!parsed?.ok) return null;
  const list = domainListSchema.safeParse(parsed.value);
  return list.success ? list.data : null;
}
