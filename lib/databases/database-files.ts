import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

/** Absolute path of a registered database's file (stored paths are relative to the databases folder). */
export function databaseFilePath(relativePath: string): string {
  return path.join(env.databasesDir, relativePath);
}
