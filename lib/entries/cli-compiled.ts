// The compiled CLI's entry (bin/cli-build.mjs bundles it into .cache/cli/): its child processes
// (SQL execution, database builds) run from the same build, not from source through tsx.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCli } from "@/lib/cli/run-cli";
import { runChildrenCompiled } from "@/lib/util/child-entry";

runChildrenCompiled(path.dirname(fileURLToPath(import.meta.url)));
startCli();
