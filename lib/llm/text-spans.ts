// Linear-time readers for the parts of a model's answer that the SQL and JSON readers look at.
// Model text is hostile input: a backtracking pattern such as /\{[\s\S]*\}/ takes time quadratic in
// its length (200,000 "{" froze the app for 51 s), so these scan with indexOf and simple loops,
// each character a bounded number of times (figures: npm run bench:extract).

export type FencedBlock = { lang: string; body: string };

const BACKTICK = 96;
const NEWLINE = 10;
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isBlank = (code: number) => code === 32 || code === 9;

/**
 * Visits the ``` fenced blocks of a text in order: an opening ``` with an optional language of
 * letters (blanks around it) and a newline, then everything up to the next ```. The blocks that
 * /```[ \t]*([a-zA-Z]*)[ \t]*\n([\s\S]*?)```/g matches, found in one pass.
 */
function visitFencedBlocks(
  text: string,
  visit: (langStart: number, langEnd: number, bodyStart: number, bodyEnd: number) => void,
): void {
  let from = 0;
  for (;;) {
    const found = text.indexOf("```", from);
    if (found === -1) return;
    // in a run of backticks only the last three can open a block (a header holds no backtick)
    let i = found + 3;
    while (text.charCodeAt(i) === BACKTICK) i++;
    const runEnd = i;
    // the header holds blanks and letters only, so a failed one is scanned once: the next ``` lies past it
    while (isBlank(text.charCodeAt(i))) i++;
    const langStart = i;
    while (isLetter(text.charCodeAt(i))) i++;
    const langEnd = i;
    while (isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== NEWLINE) {
      from = runEnd;
      continue;
    }
    const close = text.indexOf("```", i + 1);
    if (close === -1) return; // no ``` after this one: no later block can close either
    visit(langStart, langEnd, i + 1, close);
    from = close + 3;
  }
}

/** Every fenced block whose language passes `accept` ("" when it has none), in order. */
export function fencedBlocks(text: string, accept: (lang: string) => boolean = () => true): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  visitFencedBlocks(text, (ls, le, bs, be) => {
    const lang = text.slice(ls, le);
    if (accept(lang)) blocks.push({ lang, body: text.slice(bs, be) });
  });
  return blocks;
}

/** The body of the last fenced block whose language passes `accept`, without collecting the others. */
export function lastFencedBlock(text: string, accept: (lang: string) => boolean): string | undefined {
  const last = { start: -1, end: -1 };
  visitFencedBlocks(text, (ls, le, bs, be) => {
    if (accept(text.slice(ls, le))) Object.assign(last, { start: bs, end: be });
  });
  return last.start === -1 ? undefined : text.slice(last.start, last.end);
}

/**
 * From the first `open` character to the last `close` character after it (what the greedy
 * /\{[\s\S]*\}/ matches), or null when there is no such pair.
 */
export function outermostSpan(text: string, open: "{" | "[", close: "}" | "]"): string | null {
  const start = text.indexOf(open);
  if (start === -1) return null;
  const end = text.lastIndexOf(close);
  return end > start ? text.slice(start, end + 1) : null;
}

/** The text without the semicolons at its end (what .replace(/;+$/, "") does, without backtracking). */
export function withoutTrailingSemicolons(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 59) end--;
  return text.slice(0, end);
}

/** How deep JSON from a model may nest: answers nest a few levels; millions cost seconds and memory. */
export const MAX_JSON_DEPTH = 64;

/** Whether brackets and braces outside strings nest deeper than `max` (one pass, no parse). */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** JSON.parse for model text, refusing nesting deeper than MAX_JSON_DEPTH first; the reason says why it failed. */
export function parseModelJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    return { ok: false, reason: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `the JSON does not parse: ${(error as Error).message}` };
  }
}
