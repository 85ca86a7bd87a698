import type { z } from "zod";
import { describeIssues } from "@/lib/util/issue-sentences";

// The one way pages read their URL's parameters (search params and path segments): either the
// values, or sentences that name each bad parameter as it is written in the address and say what
// it may be ("The “queue” parameter must be one of: sft, pairs (not “bogus”)."). A page shows the
// sentences (components/shell/bad-address.tsx) instead of failing with a server error.

export type RawPageParams = Record<string, string | string[] | undefined>;
export type PageParams<T> = { ok: true; values: T; raw: Record<string, string> } | { ok: false; problems: string[]; raw: Record<string, string> };

const parameter = (key: string) => (key ? `“${key}” parameter` : "address");

/** Parses a page's params with its schema. A parameter given twice is a problem, not a guess. */
export function parsePageParams<S extends z.ZodType>(schema: S, params: RawPageParams): PageParams<z.infer<S>> {
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") raw[key] = value;
    else if (Array.isArray(value)) problems.push(`The ${parameter(key)} is given ${value.length} times; give it once.`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success && !problems.length) return { ok: true, values: parsed.data, raw };
  if (!parsed.success) problems.push(...describeIssues(parsed.error, raw, parameter).map((i) => i.message));
  return { ok: false, problems, raw };
}

/** "Page 99999 is past the end: the 36 tasks in the store fill 1 page (50 a page)." */
export function pastTheEnd(page: number, pages: number, what: string, note?: string): string {
  return `Page ${page} is past the end: ${what} fill ${pages === 1 ? "1 page" : `${pages} pages`}${note ? ` (${note})` : ""}.`;
}
