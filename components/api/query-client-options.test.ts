import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api/fetch-json";
import { queryDefaults } from "@/components/api/query-client-options";

/** How many times a query is sent before it settles, with the app's defaults (no wait between tries). */
async function triesOf(fail: () => Error) {
  const client = new QueryClient({
    defaultOptions: { queries: { ...queryDefaults.queries, retryDelay: 0 } },
  });
  let tries = 0;
  await client
    .fetchQuery({
      queryKey: ["probe"],
      queryFn: () => {
        tries += 1;
        throw fail();
      },
    })
    .catch(() => undefined);
  return tries;
}

describe("the app's query defaults", () => {
  it("send a query that answers 404 (or any 4xx) once: asking again changes nothing", async () => {
    expect(await triesOf(() => new ApiError("No job with id x.", 404, "not_found"))).toBe(1);
    expect(await triesOf(() => new ApiError("Forbidden.", 403, "forbidden"))).toBe(1);
  });
  it("try once more after a failure that may pass: a network error or a 5xx", async () => {
    expect(await triesOf(() => new TypeError("Failed to fetch"))).toBe(2);
    expect(await triesOf(() => new ApiError("Something went wrong.", 503, "unavailable"))).toBe(2);
  });
});
