import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { beginImmediate, StoreBusyError } from "@/lib/store/begin-immediate";

describe("the store adapter", () => {
  it("answers a read outside transactions while a transaction is open, without seeing its rows", async () => {
    const { id: databaseId } = await prisma.targetDatabase.create({
      data: { name: "adapter_reads", source: "demo", fileStatus: "missing" },
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const tx = prisma.$transaction(async (t) => {
      await t.task.create({
        data: {
          databaseId,
          question: "uncommitted?",
          goldSql: "SELECT 1",
          split: "dev",
          origin: "manual",
          sourceRef: "adapter:1",
        },
      });
      inside();
      await held; // a slow transaction: it stays open until the read below has answered
    });
    await opened;
    const seen = await prisma.task.count({ where: { sourceRef: "adapter:1" } });
    release();
    await tx;
    expect(seen).toBe(0); // answered during the transaction, from the last committed state
    expect(await prisma.task.count({ where: { sourceRef: "adapter:1" } })).toBe(1);
  });

  it("sends statements that read the writer's own state to the writer", async () => {
    await prisma.$executeRaw`UPDATE target_databases SET table_count = table_count WHERE name = 'adapter_reads'`;
    const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT changes() AS n`;
    expect(Number(row!.n)).toBe(1); // on the reader connection it would be 0
  });

  it("waits for another process's write lock without blocking the event loop, and gives up in words", async () => {
    const other = new Database(env.dbFile);
    const mine = new Database(env.dbFile);
    try {
      other.prepare("BEGIN IMMEDIATE").run(); // another process holds the write lock
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const started = performance.now();
      const waited = beginImmediate(mine, { maxWaitMs: 300 });
      await expect(waited).rejects.toBeInstanceOf(StoreBusyError);
      await expect(waited).rejects.toThrow(
        /stayed locked by another process for \d+ ms; nothing was changed/,
      );
      clearInterval(timer);
      expect(performance.now() - started).toBeGreaterThanOrEqual(300);
      expect(ticks).toBeGreaterThan(5); // timers ran while it waited

      // its first attempt ran (and found the lock taken) before beginImmediate returned its promise
      const second = beginImmediate(mine, { maxWaitMs: 5_000 });
      expect(mine.inTransaction).toBe(false);
      other.prepare("COMMIT").run();
      await second; // takes the lock on a later try, once the other committed
      expect(mine.inTransaction).toBe(true);
      mine.prepare("ROLLBACK").run();
    } finally {
      if (other.inTransaction) other.prepare("ROLLBACK").run();
      other.close();
      mine.close();
    }
  });
});
