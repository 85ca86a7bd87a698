// The `sense` CLI run from source through tsx, in a child process of bin/sense.mjs: what it falls
// back to when the CLI cannot be compiled, or when SENSE_CLI_FROM_SOURCE=1. startCli
// (lib/cli/run-cli.ts) reads the arguments and runs the command; its children start from source.
import { startCli } from "@/lib/cli/run-cli";

startCli();
