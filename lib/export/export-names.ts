import { z } from "zod";

// What a researcher may call an export, and the file names that follow from it. Client-safe: the
// Exports form checks the name with the same schema.

export const EXPORT_NAME_RULE =
  "An export name is 1 to 80 letters, digits, spaces and . _ - ( ) characters, starting with a letter or digit";

export const exportNameSchema = z
  .string()
  .trim()
  .max(80, EXPORT_NAME_RULE)
  .regex(/^([\p{L}\p{N}][\p{L}\p{N} ._()-]*)?$/u, EXPORT_NAME_RULE)
  .optional()
  .transform((v) => (v ? v : undefined));

/** The name in a file name: lower case, runs of anything else than letters and digits made one dash. */
export const nameSlug = (name: string) =>
  name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** The base of an export's file names: its name (or format) and its id, so no two exports share one. */
export const exportFileBase = (name: string | undefined, format: string, id: string) =>
  `${(name && nameSlug(name)) || format}-${id}`;
