import type { z } from "zod";

type Checked = { maxLength?: number | null; minLength?: number | null };
type Wrapper = { unwrap?: () => z.ZodType; in?: z.ZodType; def?: { innerType?: z.ZodType } };

/** The string schema inside optional / default / transform wrappers, or null when there is none. */
function innerString(schema: z.ZodType): Checked | null {
  let current: unknown = schema;
  for (let depth = 0; depth < 8 && current; depth++) {
    const s = current as Checked & Wrapper;
    if (typeof s.maxLength === "number" || typeof s.minLength === "number") return s;
    current = s.in ?? s.def?.innerType ?? (typeof s.unwrap === "function" ? s.unwrap() : undefined);
  }
  return null;
}

/** The most characters a text schema takes (for an input's maxLength and its counter), if it says. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  return innerString(schema)?.maxLength ?? undefined;
}

/** The fewest characters a text schema takes, if it says. */
export function minLengthOf(schema: z.ZodType): number | undefined {
  return innerString(schema)?.minLength ?? undefined;
}
