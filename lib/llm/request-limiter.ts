// Limits the requests one provider receives: at most maxConcurrency at once, and (when set) at most
// requestsPerMin requests and tokensPerMin tokens in any 60-second window. Waiters are served in
// the order they came; the window counts tokens as estimated, then as the answer reported them.

export type RequestLimits = {
  maxConcurrency: number;
  requestsPerMin: number | null;
  tokensPerMin: number | null;
};
type Entry = { at: number; tokens: number };
type Waiter = { tokens: number; grant: (entry: Entry) => void };

const WINDOW_MS = 60_000;

export class RequestLimiter {
  private active = 0;
  private readonly window: Entry[] = [];
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly limits: RequestLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot; call the returned function with the tokens the request really used. */
  async acquire(estimatedTokens: number): Promise<(usedTokens?: number) => void> {
    const entry = await new Promise<Entry>((grant) => {
      this.waiters.push({ tokens: estimatedTokens, grant });
      this.pump();
    });
    let released = false;
    return (usedTokens?: number) => {
      if (released) return;
      released = true;
      this.active--;
      if (usedTokens !== undefined) entry.tokens = usedTokens;
      this.pump();
    };
  }

  get inFlight(): number {
    return this.active;
  }

  private pump(): void {
    const now = this.now();
    while (this.window.length && this.window[0]!.at <= now - WINDOW_MS) this.window.shift();
    while (this.waiters.length && this.active < this.limits.maxConcurrency) {
      const next = this.waiters[0]!;
      const { requestsPerMin: rpm, tokensPerMin: tpm } = this.limits;
      const windowTokens = this.window.reduce((sum, e) => sum + e.tokens, 0);
      const overRequests = rpm !== null && this.window.length >= rpm;
      // an oversized request still goes once the window is empty, instead of waiting forever
      const overTokens = tpm !== null && this.window.length > 0 && windowTokens + next.tokens > tpm;
      if (overRequests || overTokens) {
        this.wakeAt(this.window[0]!.at + WINDOW_MS - now);
        return;
      }
      this.waiters.shift();
      this.active++;
      const entry = { at: now, tokens: next.tokens };
      if (rpm !== null || tpm !== null) this.window.push(entry);
      next.grant(entry);
    }
  }

  private wakeAt(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.pump();
      },
      Math.max(1, delayMs),
    );
  }
}
