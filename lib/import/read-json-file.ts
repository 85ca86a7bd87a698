import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ImportError } from "@/lib/import/import-error";
import { findJsonErrorOffset } from "@/lib/import/json-error-offset";

/** Reads and parses a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(file: string): unknown {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new ImportError(`${name}: cannot read file (${(error as NodeJS.ErrnoException).code ?? "error"})`, {
      file,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = findJsonErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw new ImportError(`${name}: malformed JSON at line ${line}, column ${column} (${message})`, {
      file,
      line,
      column,
    });
  }
}
