import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { UsageError } from "@/lib/cli/usage-error";
import { describeZodError } from "@/lib/util/issue-sentences";

/** Prints an error the way a person can act on it and returns the exit code. */
export function reportCliError(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`sense: ${error.message}\nRun 'sense --help' for usage.`);
    return 2;
  }
  if (error instanceof z.ZodError) {
    console.error(`sense: ${describeZodError(error, undefined)}`);
    return 2;
  }
  if (isAppError(error)) {
    console.error(`sense: ${error.message}`);
    return 1;
  }
  console.error("sense: unexpected error:", error);
  return 1;
}
