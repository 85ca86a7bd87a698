// Filters over a known vocabulary refuse an unknown value with 400 naming the parameter, what it
// may be and the value given, instead of answering as if nothing matched (issue 15).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listTasks } from "@/app/api/tasks/route";
import { POST as previewExport } from "@/app/api/exports/preview/route";
import { POST as readDeck } from "@/app/api/review/deck/route";
import { GET as readAudit } from "@/app/api/audit/route";
import { makeTestUserWithToken } from "@/lib/testing/test-accounts";

const ORIGIN = "http://localhost";
const context = { params: Promise.resolve({}) };
let admin = { token: "" };

const get = (path: string) =>
  new Request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
const post = (path: string, body: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function refusal(response: Response) {
  expect(response.status).toBe(400);
  return ((await response.json()) as { message: string }).message;
}

beforeAll(async () => {
  admin = await makeTestUserWithToken("admin");
});

describe("unknown filter values in the API", () => {
  it("GET /api/tasks refuses an unknown hardness, difficulty, split or origin", async () => {
    expect(await refusal(await listTasks(get("/api/tasks?hardness=bogus"), context))).toBe(
      "The hardness must be one of: easy, medium, hard, extra (not “bogus”).",
    );
    expect(await refusal(await listTasks(get("/api/tasks?difficulty=impossible"), context))).toContain(
      "The difficulty must be one of: easy, medium, hard, extra, simple, moderate, challenging (not “impossible”).",
    );
    expect(await refusal(await listTasks(get("/api/tasks?split=nope"), context))).toContain(
      "The split must be one of: train, dev, test, synthetic (not “nope”).",
    );
    expect(await refusal(await listTasks(get("/api/tasks?origin=nope"), context))).toContain("(not “nope”)");
    expect((await listTasks(get("/api/tasks?hardness=easy&split=dev"), context)).status).toBe(200);
    expect(await refusal(await listTasks(get("/api/tasks?page=abc"), context))).toBe(
      "This API pages by cursor, not by page number: pass after=<nextCursor> (or before=<prevCursor>) from its last answer.",
    );
  });

  it("the review deck refuses an unknown difficulty, and an origin its queue's items cannot have", async () => {
    expect(
      await refusal(
        await readDeck(post("/api/review/deck", { queue: "sft", difficulty: "impossible" }), context),
      ),
    ).toContain("The difficulty must be one of: easy, medium");
    expect(
      await refusal(await readDeck(post("/api/review/deck", { queue: "sft", origin: "weak" }), context)),
    ).toBe("The origin must be one of: strong, imported, manual in the SFT queue (not “weak”).");
  });

  it("exports refuse an unknown difficulty, and an origin of the other kind of item", async () => {
    expect(
      await refusal(
        await previewExport(
          post("/api/exports/preview", { format: "trl-dpo", difficulty: "impossible" }),
          context,
        ),
      ),
    ).toContain("(not “impossible”)");
    expect(
      await refusal(
        await previewExport(post("/api/exports/preview", { format: "trl-dpo", origin: "strong" }), context),
      ),
    ).toContain(
      "The origin must be one of: weak, mutation, imported for a preference format (not “strong”).",
    );
  });

  it("the audit log refuses an unknown action", async () => {
    expect(await refusal(await readAudit(get("/api/audit?action=nope"), context))).toMatch(
      /^The action must be one of /,
    );
  });
});
