// The compiled `sense` CLI's entry: bin/cli-build.mjs bundles it into .cache/cli/<build>/sense-cli.mjs
// and bin/sense.mjs imports that in its own process. It tells lib/util/child-entry.ts that child
// processes (SQL execution, database builds) start from the same build, not from source through
// tsx, then startCli (lib/cli/run-cli.ts) reads the arguments and runs the command.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCli } from "@/lib/cli/run-cli";
import { runChildrenCompiled } from "@/lib/util/child-entry";

runChildrenCompiled(path.dirname(fileURLToPath(import.meta.url)));
startCli();
