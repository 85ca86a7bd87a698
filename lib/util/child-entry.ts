import path from "node:path";

// How a child process of ours (SQL execution, a database build) is started: from source through
// tsx's CommonJS hook (the app, the worker, tests), or, in the compiled CLI, from the same build as
// the CLI itself (bin/cli-build.mjs compiles them together), which starts in a fraction of the time.
// (No lib/env import here: the compiled CLI's entry loads this before it knows the command, and
// printing help must not load the environment's validation.)

let compiledDir: string | null = null;

/** The compiled CLI calls this once: children start from `dir`, the folder of its build. */
export function runChildrenCompiled(dir: string): void {
  compiledDir = dir;
}

/** The script and Node flags that start `source` (a path from the project root, e.g. lib/entries/sql-exec-child.ts). */
export function childEntry(projectRoot: string, source: string): { script: string; nodeArgs: string[] } {
  if (compiledDir)
    return {
      script: path.join(compiledDir, `${path.basename(source, ".ts")}.mjs`),
      nodeArgs: ["--conditions=react-server"],
    };
  // The child runs from source through tsx; the bundler must not try to resolve it.
  return {
    script: /*turbopackIgnore: true*/ path.join(projectRoot, source),
    nodeArgs: ["--conditions=react-server", "--require", "tsx/cjs"],
  };
}
