import { z } from "zod";

/** A text filter from a URL or form: trimmed, at most 200 characters, empty meaning "not set". */
export const filterText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * A filter over a known vocabulary (a difficulty, a split): empty meaning "not set", anything else
 * one of `values`. A value outside it is refused with the values it may be ("The “hardness”
 * parameter must be one of: easy, medium, hard, extra (not “bogus”)."), never matched silently to nothing.
 */
export const filterChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  filterText.pipe(z.enum(values).optional());
