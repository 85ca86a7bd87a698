import "server-only";
import { keyParts, readCountersFrom } from "@/lib/store/store-counters";

export type HourPoint = { hour: string; sft: number; pairs: number; answers: number; reviews: number };
export type DayPoint = { day: string; sft: number; pairs: number; answers: number; reviews: number };

const HOURS = 24;
const DAYS = 14;
const hourKey = (t: number) => new Date(t).toISOString().slice(0, 13); // YYYY-MM-DDTHH, as the triggers key it

/**
 * Items synthesized and review decisions per hour (the last 24) and per day (the last 14), every
 * hour and day present (0 when nothing happened). Pure: `synth` is keyed hour \x1f kind
 * (sft | pair | candidate), `reviews` by hour, both as the counters 'synth.hour' / 'review.hour' hold them.
 */
export function bucketThroughput(now: Date, synth: Map<string, number>, reviews: Map<string, number>) {
  const hourStart = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const hours = new Map<string, HourPoint>();
  for (let i = HOURS - 1; i >= 0; i--) {
    const hour = hourKey(hourStart - i * 3_600_000);
    hours.set(hour, { hour, sft: 0, pairs: 0, answers: 0, reviews: 0 });
  }
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = new Map<string, DayPoint>();
  for (let i = DAYS - 1; i >= 0; i--) {
    const day = new Date(dayStart - i * 86_400_000).toISOString().slice(0, 10);
    days.set(day, { day, sft: 0, pairs: 0, answers: 0, reviews: 0 });
  }
  const field = { sft: "sft", pair: "pairs", candidate: "answers" } as const;
  const add = (hour: string, name: keyof Omit<HourPoint, "hour">, n: number) => {
    const h = hours.get(hour);
    if (h) h[name] += n;
    const d = days.get(hour.slice(0, 10));
    if (d) d[name] += n;
  };
  for (const [key, n] of synth) {
    const [hour, kind] = keyParts(key);
    const name = kind ? field[kind as keyof typeof field] : undefined;
    if (hour && name) add(hour, name, n);
  }
  for (const [hour, n] of reviews) add(hour, "reviews", n);
  return { perHour: [...hours.values()], perDay: [...days.values()] };
}

/** Throughput over time from the hourly counters: two index ranges of store_counters, at most 14 × 24 × 4 rows. */
export async function readThroughput(now = new Date()) {
  const from = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (DAYS - 1) * 86_400_000,
  )
    .toISOString()
    .slice(0, 13);
  const [synth, reviews] = await Promise.all([
    readCountersFrom("synth.hour", from),
    readCountersFrom("review.hour", from),
  ]);
  return bucketThroughput(now, synth, reviews);
}
