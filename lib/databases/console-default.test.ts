import { describe, expect, it } from "vitest";
import { consoleDefaultDatabase } from "@/lib/databases/console-default";

const db = (
  name: string,
  o: { source?: string; fileStatus?: string; createdAt: string; job?: { status: string } | null },
) => ({ name, source: "spider", fileStatus: "ok", job: null, ...o });

describe("the SQL console's default database", () => {
  it("is the most recently imported database with a file, never a cancelled strong job's database that sorts first", () => {
    const databases = [
      db("aquarium_ab12_x1y2z3_1", {
        source: "synthesized",
        createdAt: "2026-12-03T05:00:00.000Z",
        job: { status: "cancelled" },
      }),
      db("city_library", { source: "demo", createdAt: "2026-12-01T00:00:00.000Z" }),
      db("concert_singer", { createdAt: "2026-12-02T00:00:00.000Z" }),
      db("world_1", { createdAt: "2026-12-02T10:00:00.000Z", fileStatus: "missing" }),
    ];
    expect(consoleDefaultDatabase(databases)?.name).toBe("concert_singer");
  });

  it("falls back to a finished strong job's database, then to any with a file", () => {
    const half = db("ferries_1", {
      source: "synthesized",
      createdAt: "2026-12-03T00:00:00.000Z",
      job: { status: "running" },
    });
    const done = db("bees_1", {
      source: "synthesized",
      createdAt: "2026-12-02T00:00:00.000Z",
      job: { status: "done" },
    });
    expect(consoleDefaultDatabase([half, done])?.name).toBe("bees_1");
    expect(consoleDefaultDatabase([half])?.name).toBe("ferries_1");
    expect(consoleDefaultDatabase([])).toBeUndefined();
  });
});
