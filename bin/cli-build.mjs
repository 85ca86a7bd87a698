// The compiled CLI: lib/entries/cli-compiled.ts and the child processes it starts (SQL execution,
// database builds) bundled by esbuild into .cache/cli/<build id>/, so `sense` starts without a
// TypeScript loader. .cache/cli/current.json names the build and every source file that went into it
// with its SHA-256 (the bytes esbuild compiled); a build whose sources changed (a `git pull`, an
// edit) is never run: bin/sense.mjs rebuilds it first (or, when it cannot, runs from source).
// `node bin/cli-build.mjs` builds it now (npm's postinstall does, after `prisma generate`).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Entry points (lib/entries/), by the name of their compiled file (`<name>.mjs`): the CLI's, and the
 * child processes' under their source's basename, which is how lib/util/child-entry.ts finds them.
 */
const CHILD_ENTRIES = ["lib/entries/sql-exec-child.ts", "lib/entries/materialize-child.ts"];
const ENTRIES = {
  "sense-cli": "lib/entries/cli-compiled.ts",
  ...Object.fromEntries(CHILD_ENTRIES.map((source) => [path.basename(source, ".ts"), source])),
};
/** Files that shape the build without being bundled: path aliases, the package's settings, this builder. */
const SETTINGS = ["tsconfig.json", "package.json", "bin/cli-build.mjs"];
export const CLI_ENTRY_FILE = "sense-cli.mjs";
/**
 * Plain-JavaScript packages compiled into the build: zod loads in a fraction of the time as one
 * module as it takes as its hundreds (every command, and each SQL process, loads it for lib/env.ts).
 */
const BUNDLED_PACKAGES = ["zod"];
const KEEP_OLD_BUILDS_MS = 7 * 24 * 3600_000; // a long `sense synth --wait` may still start children from an older build

const cacheDir = (root) => path.join(root, ".cache", "cli");
const currentFile = (root) => path.join(cacheDir(root), "current.json");
const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");

/**
 * The folder of the compiled CLI when it was built from the sources as they are now; null when there
 * is none, or any source's bytes changed or it is gone. Every source is read and hashed each time
 * (about 180 files, 0.8 MB: 2-5 ms): a file's size and time can stay the same across a change
 * (a tool that keeps times, a coarse clock), its bytes cannot.
 */
export function currentCliBuild(root) {
  let current;
  try {
    current = JSON.parse(fs.readFileSync(currentFile(root), "utf8"));
  } catch {
    return null;
  }
  for (const [rel, hash] of Object.entries(current.inputs ?? {})) {
    let bytes;
    try {
      bytes = fs.readFileSync(path.join(root, rel));
    } catch {
      return null; // gone
    }
    if (sha256(bytes) !== hash) return null;
  }
  const dir = path.join(cacheDir(root), String(current.id));
  return fs.existsSync(path.join(dir, CLI_ENTRY_FILE)) ? dir : null;
}

function writeAtomically(file, text) {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Loads every source file through this plugin, so the build records exactly the bytes it compiled. */
function recordInputs(root, inputs) {
  const loaders = { ".ts": "ts", ".tsx": "tsx", ".mts": "ts", ".js": "js", ".mjs": "js", ".json": "json" };
  return {
    name: "record-inputs",
    setup(build) {
      // packages are resolved at run time from node_modules, as the app does, except those bundled
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (
          args.path.startsWith("node:") ||
          BUNDLED_PACKAGES.some((p) => args.path === p || args.path.startsWith(`${p}/`))
        )
          return undefined;
        if (args.path === "server-only" || args.path.startsWith("@/")) return undefined;
        return { path: args.path, external: true };
      });
      // `server-only` is empty under the react-server condition, as in the app and under tsx
      build.onResolve({ filter: /^server-only$/ }, () => ({
        path: "server-only",
        namespace: "empty-module",
      }));
      build.onLoad({ filter: /.*/, namespace: "empty-module" }, () => ({ contents: "", loader: "js" }));
      build.onLoad({ filter: /\.(ts|tsx|mts|js|mjs|json)$/ }, (args) => {
        if (args.path.split(path.sep).includes("node_modules")) return undefined; // a bundled package: its package.json stands for it
        const bytes = fs.readFileSync(args.path);
        inputs[path.relative(root, args.path)] = sha256(bytes);
        return { contents: bytes, loader: loaders[path.extname(args.path)] };
      });
    },
  };
}

/** Compiles the CLI into a new build folder, makes it the current one and returns its folder. */
export async function buildCli(root) {
  const esbuild = await import("esbuild");
  const inputs = {};
  const staging = path.join(
    cacheDir(root),
    `.staging-${process.pid}-${crypto.randomBytes(4).toString("hex")}`,
  );
  fs.mkdirSync(staging, { recursive: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      entryNames: "[name]",
      chunkNames: "chunks/[name]-[hash]",
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      conditions: ["react-server"],
      tsconfig: path.join(root, "tsconfig.json"),
      sourcemap: "linked",
      metafile: true,
      logLevel: "silent",
      plugins: [recordInputs(root, inputs)],
    });
    // the build's module graph, its output paths relative to the build folder (lib/cli tests read it)
    fs.writeFileSync(
      path.join(staging, "meta.json"),
      JSON.stringify(result.metafile).replaceAll(`${path.relative(root, staging)}/`, ""),
    );
    for (const rel of [...SETTINGS, ...BUNDLED_PACKAGES.map((p) => `node_modules/${p}/package.json`)])
      inputs[rel] = sha256(fs.readFileSync(path.join(root, rel)));
    const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b)));
    const id = sha256(JSON.stringify(Object.entries(sorted))).slice(0, 16);
    const dir = path.join(cacheDir(root), id);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      if (!fs.existsSync(path.join(dir, CLI_ENTRY_FILE))) throw error; // else another process built the same sources just now
    }
    retirePrevious(root);
    writeAtomically(
      currentFile(root),
      JSON.stringify({ id, builtAt: new Date().toISOString(), inputs: sorted }),
    );
    pruneOldBuilds(root, id);
    return dir;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The build being replaced is kept for a while from now (processes started from it may still need its files). */
function retirePrevious(root) {
  try {
    const previous = JSON.parse(fs.readFileSync(currentFile(root), "utf8"));
    const now = new Date();
    fs.utimesSync(path.join(cacheDir(root), String(previous.id)), now, now);
  } catch {
    // none, or already gone
  }
}

function pruneOldBuilds(root, keep) {
  for (const entry of fs.readdirSync(cacheDir(root), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const dir = path.join(cacheDir(root), entry.name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > KEEP_OLD_BUILDS_MS)
        fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another process removed it
    }
  }
}

/** The current build's folder, compiling first when the sources changed; null when it cannot be compiled (the reason on stderr). */
export async function ensureCliBuild(root) {
  const dir = currentCliBuild(root);
  if (dir) return dir;
  try {
    return await buildCli(root);
  } catch (error) {
    const reason = error?.errors?.[0]?.text ?? (error instanceof Error ? error.message : String(error));
    process.stderr.write(
      `sense: could not compile the CLI (${reason}); running it from source, which starts slower.\n`,
    );
    return null;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const started = performance.now();
  try {
    const dir = await buildCli(root);
    console.log(
      `[cli-build] compiled the sense CLI into ${path.relative(root, dir)} in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    // not fatal for `npm ci`: bin/sense.mjs tries again on its first run, and runs from source if it must
    console.warn(
      `[cli-build] could not compile the sense CLI: ${error?.errors?.[0]?.text ?? error?.message ?? error}`,
    );
  }
}
