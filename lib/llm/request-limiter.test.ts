import { afterEach, describe, expect, it, vi } from "vitest";
import { RequestLimiter } from "@/lib/llm/request-limiter";

const settle = () => new Promise((r) => setImmediate(r));

/** Starts acquire() and reports whether it has been granted yet. */
function track(limiter: RequestLimiter, tokens = 1) {
  const state = { granted: false, release: null as null | ((used?: number) => void) };
  void limiter.acquire(tokens).then((release) => {
    state.granted = true;
    state.release = release;
  });
  return state;
}

afterEach(() => vi.useRealTimers());

describe("RequestLimiter", () => {
  it("lets at most maxConcurrency requests run at once and serves waiters in arrival order", async () => {
    const limiter = new RequestLimiter({ maxConcurrency: 2, requestsPerMin: null, tokensPerMin: null });
    const [a, b, c, d] = [track(limiter), track(limiter), track(limiter), track(limiter)];
    await settle();
    expect([a.granted, b.granted, c.granted, d.granted]).toEqual([true, true, false, false]);
    expect(limiter.inFlight).toBe(2);
    b.release!();
    await settle();
    expect([c.granted, d.granted]).toEqual([true, false]);
    a.release!();
    c.release!();
    await settle();
    expect(d.granted).toBe(true);
    expect(limiter.inFlight).toBe(1);
  });

  it("holds requests past requestsPerMin until the oldest leaves the 60-second window", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
    const limiter = new RequestLimiter({ maxConcurrency: 10, requestsPerMin: 2, tokensPerMin: null });
    const first = track(limiter);
    await vi.advanceTimersByTimeAsync(10_000);
    const second = track(limiter);
    const third = track(limiter);
    await vi.advanceTimersByTimeAsync(0);
    expect([first.granted, second.granted, third.granted]).toEqual([true, true, false]);
    first.release!();
    await vi.advanceTimersByTimeAsync(40_000); // 50 s after the first: still in the window
    expect(third.granted).toBe(false);
    await vi.advanceTimersByTimeAsync(10_001);
    expect(third.granted).toBe(true);
  });

  it("counts the tokens really used against tokensPerMin, and lets a lone oversized request through", async () => {
    const limiter = new RequestLimiter({ maxConcurrency: 10, requestsPerMin: null, tokensPerMin: 1_000 });
    const big = track(limiter, 5_000); // estimate above the limit, window empty: it goes
    await settle();
    expect(big.granted).toBe(true);
    big.release!(100); // it used 100
    const fits = track(limiter, 800); // 100 + 800 <= 1000
    await settle();
    expect(fits.granted).toBe(true);
    const over = track(limiter, 200); // 900 + 200 > 1000
    await settle();
    expect(over.granted).toBe(false);
  });
});
