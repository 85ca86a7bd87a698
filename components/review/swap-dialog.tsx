"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { DialogButtons } from "@/components/review/dialog-buttons";
import { Kbd } from "@/components/review/kbd";

/** Asks before a pair is turned round, as Reject asks for its reason: Enter swaps, Escape goes back. */
export function SwapDialog({ onSwap, onCancel }: { onSwap: () => void; onCancel: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation(); // the workspace's keys are off while the dialog is open
    if (e.key === "Escape") return onCancel();
    // Enter swaps from the dialog itself; on a button it presses that button
    if (e.key === "Enter" && e.target === box.current) {
      e.preventDefault();
      onSwap();
    }
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="dialog"
      aria-label="Swap"
      onKeyDown={onKeyDown}
      className="mb-3 rounded-lg border border-sky-200 bg-sky-50 p-4 outline-none"
    >
      <h3 className="font-medium text-sky-900">Swap chosen and rejected?</h3>
      <p className="mt-1 text-sm text-slate-700">
        The rejected SQL becomes the chosen one and the chosen SQL the rejected one, and the pair is decided
        as edited. <Kbd>U</Kbd> undoes it afterwards.
      </p>
      <DialogButtons label="Swap" onConfirm={onSwap} onCancel={onCancel} />
    </div>
  );
}
