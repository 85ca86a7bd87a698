import { z } from "zod";

/** A target database's name: what Spider/BIRD call db_id; also its folder name on disk. */
export const databaseNameSchema = z
  .string()
  .trim()
  .min(1, "name is required")
  .max(64, "name must be at most 64 characters")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    "name may hold letters, digits, '_', '-' and '.', starting with a letter or digit",
  );

export const databaseSourceSchema = z.enum(["upload", "path", "spider", "bird", "synthesized", "demo"]);
export type DatabaseSource = z.infer<typeof databaseSourceSchema>;
