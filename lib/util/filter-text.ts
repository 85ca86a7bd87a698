import { z } from "zod";

/** A text filter from a URL or form: trimmed, at most 200 characters, empty meaning "not set". */
export const filterText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
