"use client";

import { useEffect, useRef } from "react";
import { sendHeartbeat } from "@/components/review/review-queries";

/**
 * Keeps the claims on the reviewer's deck alive while they work: every third of the lease, if there was a key
 * press or pointer move since the last beat. An idle reviewer's claims run out and go back to the queue.
 */
export function useLeaseHeartbeat(leaseMs: number | undefined, deckIds: string[]) {
  const active = useRef(true);
  const ids = useRef(deckIds);
  useEffect(() => {
    ids.current = deckIds;
  });
  useEffect(() => {
    if (!leaseMs) return;
    const mark = () => (active.current = true);
    const events = ["keydown", "pointerdown", "pointermove", "wheel"] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true });
    const timer = window.setInterval(
      () => {
        if (!active.current) return;
        active.current = false;
        if (ids.current.length) void sendHeartbeat(ids.current).catch(() => undefined);
      },
      Math.max(500, leaseMs / 3),
    );
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, mark);
    };
  }, [leaseMs]);
}
