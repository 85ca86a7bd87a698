import type { z } from "zod";
import { describeIssue } from "@/lib/util/issue-sentences";

// The one way pages (and the client views inside them) read their URL's parameters (search params
// and path segments): either the values, or sentences that name each bad parameter as it is
// written in the address and say what it may be ("The “queue” parameter must be one of: sft, pairs
// (not “bogus”)."). A page shows the sentences (components/shell/bad-address.tsx) instead of
// failing with a server error. A bad *filter* (a parameter the page names as droppable) does not
// stop the page: it is shown without that filter, and its sentence says so
// (components/shell/dropped-filters.tsx). The API refuses the same values with 400 through the
// same schemas (lib/api/route-handler.ts).

export type RawPageParams = Record<string, string | string[] | undefined>;
export type PageParams<T> =
  | { ok: true; values: T; raw: Record<string, string>; dropped: string[] }
  | { ok: false; problems: string[]; raw: Record<string, string> };

const parameter = (key: string) => (key ? `“${key}” parameter` : "address");

/** Sentences for a failed parse, each said once, with the top-level key each is about. */
function sentences(error: z.ZodError, raw: Record<string, string>) {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const message = describeIssue(issue, raw, parameter);
    if (seen.has(message)) return [];
    seen.add(message);
    return [{ key: typeof issue.path[0] === "string" ? issue.path[0] : "", message }];
  });
}

/**
 * Parses a page's params with its schema. A parameter given twice is a problem, not a guess.
 * `droppable` names the filters whose bad value leaves the page standing without them.
 */
export function parsePageParams<S extends z.ZodType>(
  schema: S,
  params: RawPageParams,
  options: { droppable?: readonly string[] } = {},
): PageParams<z.infer<S>> {
  const droppable = new Set(options.droppable ?? []);
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") raw[key] = value;
    else if (Array.isArray(value))
      (droppable.has(key) ? dropped : problems).push(
        `The ${parameter(key)} is given ${value.length} times; give it once.`,
      );
  }
  let parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const said = sentences(parsed.error, raw);
    const bad = said.filter((s) => !droppable.has(s.key));
    if (bad.length)
      return { ok: false, problems: [...problems, ...dropped, ...said.map((s) => s.message)], raw };
    for (const s of said) {
      dropped.push(s.message);
      delete raw[s.key];
    }
    parsed = schema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        problems: [...problems, ...dropped, ...sentences(parsed.error, raw).map((s) => s.message)],
        raw,
      };
  }
  if (problems.length) return { ok: false, problems: [...problems, ...dropped], raw };
  return { ok: true, values: parsed.data, raw, dropped };
}

/** "Page 99999 is past the end: the 36 tasks in the store fill 1 page (50 a page)." */
export function pastTheEnd(page: number, pages: number, what: string, note?: string): string {
  return `Page ${page} is past the end: ${what} fill ${pages === 1 ? "1 page" : `${pages} pages`}${note ? ` (${note})` : ""}.`;
}
