import { parseArgs } from "node:util";
import { UsageError } from "@/lib/cli/usage-error";
import { commandHelpText, helpText, isCliCommand } from "@/lib/cli/help-text";
import { keepNewFilesPrivate } from "@/lib/store/private-files";

// The CLI's dispatcher. Each command's module is imported when that command runs, so help and bad
// usage load no store, no SQL engine and no validation library (measured: zod alone took 0.1-0.2 s
// to load on the 2-core machine, Prisma and the SQL sandbox far more).

/** `--help` or `-h` among a command's arguments (before a `--`). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

async function dispatch(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (isCliCommand(first) && asksForHelp(rest)) {
    console.log(commandHelpText(first));
    return 0;
  }
  switch (first) {
    case "eval":
      return (await import("@/lib/cli/eval-command")).runEvalCommand(rest);
    case "synth":
      return (await import("@/lib/cli/synth-command")).runSynthCommand(rest);
    case "provider":
      return (await import("@/lib/cli/provider-command")).runProviderCommand(rest);
    case "export":
      return (await import("@/lib/cli/export-command")).runExportCommand(rest);
    case "user":
      return (await import("@/lib/cli/user-command")).runUserCommand(rest);
    default: // the commands below share one set of options
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      split: { type: "string" },
      name: { type: "string" },
      json: { type: "boolean" },
      "if-empty": { type: "boolean" },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(helpText);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case "import":
      return (await import("@/lib/cli/commands")).runImportCommand(args, {
        split: values.split,
        json: values.json ?? false,
      });
    case "db":
      return (await import("@/lib/cli/commands")).runDbCommand(args, { name: values.name });
    case "migrate":
      return (await import("@/lib/cli/commands")).runMigrateCommand();
    case "seed":
      return (await import("@/lib/cli/commands")).runSeedCommand({ ifEmpty: values["if-empty"] ?? false });
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs one CLI invocation and returns its exit code (0 success, 1 failure, 2 bad usage). */
export async function runCli(argv: string[]): Promise<number> {
  keepNewFilesPrivate(); // the store, target databases and exports it writes are its user's only
  try {
    return await dispatch(argv);
  } catch (error: unknown) {
    const { reportCliError } = await import("@/lib/cli/cli-output");
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      return reportCliError(new UsageError(error.message));
    }
    return reportCliError(error);
  }
}

/** The process's entry: runs the CLI on its arguments and exits with the code once work is done. */
export function startCli(): void {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
