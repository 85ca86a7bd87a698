// Times one request over and over until stopped: the figures bench:hostile prints.
export type Poller = { stop: () => Promise<{ times: number[]; failures: string[] }> };

export function pollTimes(request: () => Promise<Response>, gapMs: number): Poller {
  const times: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await request();
        await res.arrayBuffer();
        if (!res.ok) failures.push(`HTTP ${res.status}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
      times.push(performance.now() - t0);
      if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { times, failures };
    },
  };
}
