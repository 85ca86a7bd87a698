import { parseArgs } from "node:util";
import { UsageError, reportCliError } from "@/lib/cli/cli-output";
import { runEvalCommand } from "@/lib/cli/eval-command";
import { helpText } from "@/lib/cli/help-text";
import { runExportCommand } from "@/lib/cli/export-command";
import { runProviderCommand } from "@/lib/cli/provider-command";
import { runSynthCommand } from "@/lib/cli/synth-command";
import { runUserCommand } from "@/lib/cli/user-command";
import { runDbCommand, runImportCommand, runMigrateCommand, runSeedCommand } from "@/lib/cli/commands";
import { keepNewFilesPrivate } from "@/lib/store/private-files";

async function main(argv: string[]): Promise<number> {
  keepNewFilesPrivate(); // the store, target databases and exports it writes are its user's only
  if (argv[0] === "eval") return runEvalCommand(argv.slice(1));
  if (argv[0] === "synth") return runSynthCommand(argv.slice(1));
  if (argv[0] === "provider") return runProviderCommand(argv.slice(1));
  if (argv[0] === "export") return runExportCommand(argv.slice(1));
  if (argv[0] === "user") return runUserCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      split: { type: "string" },
      name: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(helpText);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case "import":
      return runImportCommand(rest, { split: values.split, json: values.json ?? false });
    case "db":
      return runDbCommand(rest, { name: values.name });
    case "migrate":
      return runMigrateCommand();
    case "seed":
      return runSeedCommand();
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      return reportCliError(new UsageError(error.message));
    }
    return reportCliError(error);
  })
  .then((code) => {
    process.exitCode = code;
  });
