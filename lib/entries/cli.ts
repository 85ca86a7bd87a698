// The CLI run from source (through tsx): what bin/sense.mjs falls back to when it cannot compile.
import { startCli } from "@/lib/cli/run-cli";

startCli();
