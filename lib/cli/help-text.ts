// What `sense --help` prints, one section per command, so `sense <command> --help` prints its own.
// Plain strings only: printing help loads nothing else (no store, no SQL engine).

export const CLI_COMMANDS = [
  "import",
  "eval",
  "synth",
  "provider",
  "export",
  "db",
  "user",
  "migrate",
  "seed",
] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

export const isCliCommand = (name: string | undefined): name is CliCommand =>
  (CLI_COMMANDS as readonly (string | undefined)[]).includes(name);

const commandHelp: Record<CliCommand, string> = {
  import: `  sense import spider|bird <dir> [--split dev|train] [--json]
      Import a benchmark folder in Spider layout (dev.json | train_spider.json, tables.json,
      database/<db_id>/<db_id>.sqlite) or BIRD layout (dev.json | train.json, dev_tables.json,
      dev_databases/<db_id>/<db_id>.sqlite). Re-importing adds nothing twice; a missing database
      file is reported, not fatal. Default split: dev.`,
  eval: `  sense eval --gold FILE --pred FILE --db-root DIR [--metric spider|bird] [--out verdicts.jsonl]
             [--timeout-ms N] [--difficulty FILE.json]
      Score predictions by execution, as the official Spider (test-suite) or BIRD evaluators do.
      Gold: one "SQL<TAB>db_id" per line; predictions: one SQL per line, same order; --db-root holds
      <db_id>/<db_id>.sqlite. Prints accuracy overall and per hardness (Spider) or per difficulty
      (BIRD, from --difficulty: a json array with "difficulty" in the same order). --out writes one
      JSON line per example: {"i","db_id","exec_match","pred_error","gold_error"}. Missing database
      files are reported per example and not scored. Default timeout 30000 ms per query.`,
  synth: `  sense synth strong --provider NAME [--domains "a,b"] [--propose N] [--databases-per-domain N]
                     [--questions N] [--mix easy=2,medium=2,hard=1,extra=1] [--temperature T] [--wait]
      Start a strong job (SFT data): per domain the model writes a database (materialized as SQLite
      and registered), then questions + SQL per difficulty; every SQL is executed and those that run
      are queued for review. --propose N lets the model propose N more domains.
  sense synth weak --provider NAME [task filters] [--source tasks|accepted-sft] [--samples K]
                   [--temperature T] [--metric spider|bird] [--chosen gold|correct-candidate]
                   [--max-pairs N] [--wait]
      Start a weak job (preference data): the model answers each task K times (default 4); each
      answer is executed and compared with the gold result; distinct wrong answers become the
      rejected side of preference pairs (at most --max-pairs per task, default 1).
  sense synth mutate [task filters] [--keep K] [--metric spider|bird] [--wait]
      Start a weak job whose wrong answers come from SQL mutation of each task's gold SQL (no model
      needed): mutants that run to another result become rejected answers of preference pairs.
      Task filters: --database D --split S --origin O --difficulty X --hardness H --limit N.
      --wait runs a job to the end in this process and prints the counts (with the demo providers
      it starts the local stand-in model server when the app is not running).`,
  provider: `  sense provider list
  sense provider add --name N --base-url URL --model M [--api-key-env VAR] [--max-concurrency N]
                     [--temperature T] [--max-tokens N] [--rpm N] [--tpm N] [--timeout-ms N]
                     [--input-price USD_PER_M] [--output-price USD_PER_M]
      Model providers: any OpenAI-compatible endpoint. The API key is read from the variable
      --api-key-env names, never from the command line.`,
  export: `  sense export --format NAME --out FILE.jsonl|FOLDER/ [--name NAME]
               [--template sense-style|schema-with-rows|code-comment]
               [--sample-rows N] [--no-evidence] [--system TEXT] [--status accepted,edited]
               [--origin O] [--job ID] [--database D] [--difficulty X] [--from DATE] [--to DATE]
               [--no-dedup] [--include-flagged] [--validation FRACTION --seed N] [--force]
      Write curated items in a trainer's format, one JSON object a line, with FILE's base name
      .manifest.json and .trace.jsonl (the item of each line) beside it, and LLaMA-Factory's entries
      in the folder's dataset_info.json. A FOLDER/ gets files named NAME-ID (or FORMAT-ID), as the
      dashboard names them. Formats: alpaca, sharegpt, messages, openai-chat (SFT samples);
      trl-dpo, trl-dpo-conversational, llamafactory-alpaca-preference,
      llamafactory-sharegpt-preference, openai-preference (pairs). Each rendered example is written
      once. --validation holds out about that share of the rows (within a quarter of it), whole
      schemas at a time (no schema on both sides), as -validation.jsonl; a selection that cannot be
      split so is refused with the reason, as is one that selects nothing. Items the label checks
      flagged (a coincidental match, a degenerate answer) are left out unless --include-flagged;
      the manifest counts them per flag.
      Files already there are kept (the export is refused) unless --force.`,
  db: `  sense db add <file.sqlite> [--name NAME]
      Register a SQLite file: copy it into the data directory and introspect it.
  sense db list
      List registered databases.`,
  user: `  sense user add --email E --name N --role annotator|researcher|lead|admin [--password-stdin]
  sense user passwd --email E [--password-stdin]
      Make an account (the first admin, say) or set a new password. The password is read from
      stdin, or made at random and printed once. There is no default password.
  sense user list
  sense user token --email E [--name TOKEN_NAME]
      Print a new API token for that account (people make their own on the Account page).`,
  migrate: `  sense migrate
      Apply pending store migrations (the app also does this on start).`,
  seed: `  sense seed [--if-empty]
      Add the demo database (city_library) and its tasks if they are missing. --if-empty: only into
      a store that holds no database and no import yet, as the app's first start does (never with
      SENSE_SEED_DEMO=0).`,
};

const ACTING_AS = `Acting as a person: import, db, synth, provider and export act as the owner of the API token in
SENSE_API_TOKEN (made on the dashboard's Account page) and need that person's role: export needs
researcher, synth and provider list lead, provider add, import and db add admin. The audit log
names them. user, migrate, seed and eval work on the store or files directly and need no token.`;

const ENVIRONMENT = `Environment: SENSE_DATA_DIR (default ./data), SENSE_DB_FILE (default $SENSE_DATA_DIR/sense.db),
SENSE_PROVIDERS (a JSON array of providers; see the README), SENSE_API_TOKEN.
Exit codes: 0 success, 1 the command failed (the message says why), 2 bad usage.`;

export const helpText = `sense — Sense Studio command line

Usage:
${CLI_COMMANDS.map((c) => commandHelp[c]).join("\n")}
  sense --help
  sense COMMAND --help

${ACTING_AS}
${ENVIRONMENT}
`;

/** `sense COMMAND --help`: that command's usage, and who it acts as. */
export function commandHelpText(command: CliCommand): string {
  return `sense ${command} — Sense Studio command line

Usage:
${commandHelp[command]}

${ACTING_AS}
${ENVIRONMENT}
`;
}
