import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { makeTestUserWithToken } from "@/lib/testing/test-accounts";

const bin = path.join(env.projectRoot, "bin", "sense.mjs");
let adminToken = "";
beforeAll(async () => {
  adminToken = (await makeTestUserWithToken("admin", "Ada Admin")).token;
});
const senseAs = (
  token: string | undefined,
  args: string[],
  extraEnv: Record<string, string> = {},
  input?: string,
) =>
  // run from another folder: the CLI must find its project (tsx, migrations) wherever it is called
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    cwd: os.tmpdir(),
    input,
    env: { ...process.env, SENSE_API_TOKEN: token ?? "", ...extraEnv },
  });
// most commands act as a person: an admin's token unless a test says otherwise
const sense = (...args: string[]) => senseAs(adminToken, args);

describe("the sense CLI", () => {
  it("prints help", () => {
    const result = sense("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("sense import spider|bird <dir> [--split dev|train]");
  });

  it("exits 1 with a clear message on a bad folder", () => {
    const result = sense("import", "spider", "/no/such/folder");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("sense: Folder not found: /no/such/folder");
  });

  it("exits 2 on bad usage, naming the problem", () => {
    expect(sense("import", "csv", "/tmp").stderr).toContain('unknown format "csv" (expected spider or bird)');
    expect(sense("import", "spider", "/tmp", "--split", "test").status).toBe(2);
    expect(sense("frobnicate").stderr).toContain('unknown command "frobnicate"');
    expect(sense("import", "--bogus").status).toBe(2);
  });

  it("registers and lists a database", async () => {
    const { writeSqlite } = await import("@/lib/testing/sqlite-fixtures");
    const file = writeSqlite(
      path.join(env.dataDir, "cli", "kiosk.sqlite"),
      "CREATE TABLE sales (id INTEGER PRIMARY KEY);",
    );
    const add = sense("db", "add", file);
    expect(add.stderr).toBe("");
    expect(add.stdout).toContain("Registered kiosk: 1 tables.");
    expect(sense("db", "list").stdout).toMatch(/kiosk\s+ok\s+1 tables\s+0 tasks/);
  });
});

describe("sense eval", () => {
  it("writes one verdict line per example and prints the accuracy", async () => {
    const { writeSqlite } = await import("@/lib/testing/sqlite-fixtures");
    const dir = path.join(env.dataDir, "cli-eval");
    writeSqlite(
      path.join(dir, "db", "tiny", "tiny.sqlite"),
      "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);",
    );
    const fs = await import("node:fs");
    fs.writeFileSync(path.join(dir, "gold.sql"), "SELECT x FROM t\ttiny\nSELECT count(*) FROM t\ttiny\n");
    fs.writeFileSync(path.join(dir, "pred.sql"), "SELECT x FROM t\nSELECT 3\n");
    const out = path.join(dir, "verdicts.jsonl");
    const result = sense(
      "eval",
      "--gold",
      path.join(dir, "gold.sql"),
      "--pred",
      path.join(dir, "pred.sql"),
      "--db-root",
      path.join(dir, "db"),
      "--out",
      out,
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("execution accuracy (spider): 50.00%  (1/2 examples with a database)");
    expect(
      fs
        .readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { i: 0, db_id: "tiny", exec_match: true, pred_error: null, gold_error: null },
      { i: 1, db_id: "tiny", exec_match: false, pred_error: null, gold_error: null },
    ]);
  });

  it("refuses mismatched files and missing flags with a clear message", async () => {
    const fs = await import("node:fs");
    const dir = path.join(env.dataDir, "cli-eval");
    fs.writeFileSync(path.join(dir, "short.sql"), "SELECT 1\n");
    const mismatch = sense(
      "eval",
      "--gold",
      path.join(dir, "gold.sql"),
      "--pred",
      path.join(dir, "short.sql"),
      "--db-root",
      dir,
    );
    expect(mismatch.status).toBe(1);
    expect(mismatch.stderr).toContain("short.sql has 1 predictions but the gold file has 2 examples");
    const missing = sense("eval", "--pred", "x");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--gold FILE is required");
  });
});

describe("sense synth", () => {
  it("starts a mutation job and, with --wait, runs it to the end", () => {
    expect(sense("seed").status).toBe(0);
    const result = sense("synth", "mutate", "--database", "city_library", "--limit", "5", "--wait");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Started mutation job \S+ with 5 work items\.$/m);
    expect(result.stdout).toMatch(
      /^Job done: 5 items done, 0 failed; \d+ preference pairs queued for review\.$/m,
    );
  });

  it("runs weak and strong jobs against the local stand-in model server with --wait", async () => {
    const net = await import("node:net");
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as import("node:net").AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const withPort = (...args: string[]) =>
      senseAs(adminToken, args, { SENSE_DEMO_MODEL_PORT: String(port) });
    const weak = withPort(
      "synth",
      "weak",
      "--provider",
      "demo-weak",
      "--origin",
      "demo",
      "--limit",
      "4",
      "--samples",
      "4",
      "--max-pairs",
      "2",
      "--wait",
    );
    expect(weak.status).toBe(0);
    expect(weak.stdout).toMatch(
      /^Job done: 4 items done, 0 failed; [1-8] preference pairs queued for review\.$/m,
    );
    // the demo provider has no price: its cost is unknown, not $0
    expect(weak.stdout).toMatch(
      /^Model calls: 16, tokens \d+ in \/ \d+ out, cost unknown \(the provider has no price per token\)\.$/m,
    );
    const strong = withPort(
      "synth",
      "strong",
      "--provider",
      "demo-strong",
      "--domains",
      "seed bank",
      "--questions",
      "4",
      "--mix",
      "easy=1,medium=1",
      "--wait",
    );
    expect(strong.status).toBe(0);
    expect(strong.stdout).toMatch(
      /^Job done: 3 items done, 0 failed; 4 SFT samples queued for review \(0 with SQL that fails\)\.$/m,
    );
  }, 90_000);

  it("says what is wrong with bad input", () => {
    expect(sense("synth", "mutate", "--limit", "zero").stderr).toContain(
      "--limit must be a whole number of at least 1",
    );
    expect(sense("synth", "strong", "--domains", "x").stderr).toContain(
      "sense synth strong needs --provider NAME",
    );
    expect(
      sense("synth", "strong", "--provider", "demo-strong", "--domains", "seed bank", "--mix", "easy").stderr,
    ).toContain("--mix takes level=weight pairs");
    const unknown = sense("synth", "weak", "--provider", "nobody");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No provider named "nobody"');
    const none = sense("synth", "mutate", "--database", "nowhere");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("No tasks with a database file match this selection.");
  });
});

describe("sense provider", () => {
  it("adds a provider with its key read from a variable, and lists it without the key", () => {
    const add = senseAs(
      adminToken,
      [
        "provider",
        "add",
        "--name",
        "vllm-weak",
        "--base-url",
        "http://gpu-box.internal:8000/v1",
        "--model",
        "deepseek-coder-1.3b",
        "--api-key-env",
        "TEST_VLLM_KEY",
        "--max-concurrency",
        "32",
      ],
      { TEST_VLLM_KEY: "k-secret" },
    );
    expect(add.stderr).toBe("");
    expect(add.stdout).toContain(
      "Added provider vllm-weak: deepseek-coder-1.3b at http://gpu-box.internal:8000/v1 (key set).",
    );
    const list = sense("provider", "list");
    expect(list.stdout).toMatch(
      /vllm-weak\s+deepseek-coder-1.3b\s+http:\/\/gpu-box.internal:8000\/v1\s+key:set\s+concurrency 32/,
    );
    expect(list.stdout).not.toContain("k-secret");
    expect(sense("provider", "add", "--name", "x", "--base-url", "nope", "--model", "m").stderr).toContain(
      "The base URL must be a URL",
    );
    expect(
      sense(
        "provider",
        "add",
        "--name",
        "y",
        "--base-url",
        "http://h/v1",
        "--model",
        "m",
        "--api-key-env",
        "UNSET_VAR_FOR_TEST",
      ).stderr,
    ).toContain("--api-key-env UNSET_VAR_FOR_TEST: that variable is not set");
  });
});

describe("sense export", () => {
  it("writes a trainer file and its manifest, and says what was wrong with bad input", async () => {
    const fs = await import("node:fs");
    expect(sense("seed").status).toBe(0);
    const job = sense("synth", "mutate", "--database", "city_library", "--limit", "6", "--wait");
    const jobId = /Started mutation job (\S+) /.exec(job.stdout)?.[1];
    expect(jobId).toBeTruthy();
    const file = path.join(env.dataDir, "cli-export", "pairs.jsonl");
    const result = sense(
      "export",
      "--format",
      "openai-preference",
      "--status",
      "pending",
      "--job",
      jobId!,
      "--out",
      file,
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^Exported (\d+) of \1 selected records \(0 duplicates dropped\) as openai-preference:$/m,
    );
    const rows = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l: string) => JSON.parse(l));
    const manifest = JSON.parse(
      fs.readFileSync(path.join(env.dataDir, "cli-export", "pairs.manifest.json"), "utf8"),
    );
    expect(rows.length).toBe(manifest.counts.written);
    expect(rows[0]).toMatchObject({
      input: { messages: expect.any(Array) },
      preferred_output: [{ role: "assistant" }],
      non_preferred_output: [{ role: "assistant" }],
    });
    expect(sense("export", "--format", "csv", "--out", file).stderr).toContain("format");
    expect(sense("export", "--format", "alpaca").stderr).toContain(
      "usage: sense export --format NAME --out FILE.jsonl",
    );
  });
});

describe("the CLI acts as a person", () => {
  it("refuses without a token, with a bad token, and for a role that may not", async () => {
    const none = senseAs(undefined, [
      "export",
      "--format",
      "trl-dpo",
      "--out",
      path.join(env.dataDir, "x.jsonl"),
    ]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("set SENSE_API_TOKEN to an API token made on the dashboard's Account page");
    expect(senseAs("sst_not-a-token", ["db", "list"]).stderr).toContain(
      "SENSE_API_TOKEN is not a valid API token",
    );
    const annotator = await makeTestUserWithToken("annotator", "Ann Notator");
    const refused = senseAs(annotator.token, [
      "export",
      "--format",
      "trl-dpo",
      "--out",
      path.join(env.dataDir, "x.jsonl"),
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Ann Notator is an annotator; this command needs researcher or above.");
    expect(senseAs(annotator.token, ["db", "list"]).status).toBe(0);
  });

  it("records an export in the audit log under the token's owner, from the CLI", async () => {
    const { prisma } = await import("@/lib/db");
    const researcher = await makeTestUserWithToken("researcher", "Rhea Search");
    expect(sense("seed").status).toBe(0);
    const file = path.join(env.dataDir, "cli-audit", "sft.jsonl");
    const result = senseAs(researcher.token, [
      "export",
      "--format",
      "alpaca",
      "--status",
      "pending",
      "--out",
      file,
    ]);
    expect(result.stderr).toBe("");
    const row = await prisma.export.findFirstOrThrow({
      where: { filePath: path.dirname(file) },
      orderBy: { createdAt: "desc" },
    });
    expect(row.createdById).toBe(researcher.id);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "export.start", targetId: row.id },
    });
    expect(event).toMatchObject({ userId: researcher.id, via: "cli" });
  });

  it("makes accounts and tokens for operators, with no default password", async () => {
    const add = senseAs(
      undefined,
      [
        "user",
        "add",
        "--email",
        "Lee@Example.test",
        "--name",
        "Lee Lead",
        "--role",
        "lead",
        "--password-stdin",
      ],
      {},
      "a password of our own\n",
    );
    expect(add.stderr).toBe("");
    expect(add.stdout).toBe("Made the lead account lee@example.test (Lee Lead).\n");
    const generated = senseAs(undefined, [
      "user",
      "add",
      "--email",
      "gen@example.test",
      "--name",
      "Gen",
      "--role",
      "annotator",
    ]);
    const password = /Its password \(shown once\): (\S+)/.exec(generated.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    const { signIn } = await import("@/lib/auth/sign-in");
    await expect(
      signIn({ email: "gen@example.test", password: password ?? "" }, { ip: "cli-test", userAgent: null }),
    ).resolves.toMatchObject({ user: { role: "annotator" } });
    expect(
      senseAs(undefined, ["user", "add", "--email", "lee@example.test", "--name", "Again", "--role", "lead"])
        .stderr,
    ).toContain("An account with the email lee@example.test already exists.");
    expect(
      senseAs(undefined, ["user", "add", "--email", "x@example.test", "--name", "X", "--role", "boss"])
        .status,
    ).toBe(2);
    const short = senseAs(
      undefined,
      ["user", "add", "--email", "s@example.test", "--name", "Short", "--role", "lead", "--password-stdin"],
      {},
      "short\n",
    );
    expect(short.stderr).toContain("The password needs at least 12 characters.");
    expect(senseAs(undefined, ["user", "list"]).stdout).toMatch(
      /lee@example\.test\s+Lee Lead\s+lead\s+active/,
    );
    const token = senseAs(undefined, [
      "user",
      "token",
      "--email",
      "lee@example.test",
      "--name",
      "ci",
    ]).stdout.trim();
    expect(token).toMatch(/^sst_/);
    expect(senseAs(token, ["provider", "list"]).status).toBe(0);
    expect(
      senseAs(token, ["provider", "add", "--name", "p", "--base-url", "http://h/v1", "--model", "m"]).stderr,
    ).toContain("Lee Lead is a lead; this command needs admin or above.");
  }, 90_000); // a dozen CLI processes, each loading TypeScript
});
