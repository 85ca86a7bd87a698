"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { DialogButtons } from "@/components/review/dialog-buttons";
import { Kbd } from "@/components/review/kbd";
import { inputClass } from "@/components/shell/form-styles";
import { REJECT_REASONS, type RejectInput } from "@/lib/review/review-types";

/** Choose a reason with 1–5, add a note, Enter rejects, Escape goes back. */
export function RejectDialog({
  onReject,
  onCancel,
}: {
  onReject: (input: RejectInput) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<RejectInput["reason"]>("wrong_sql");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);
  const submit = () => {
    if (reason === "other" && !note.trim())
      return setProblem("Say why in the note when the reason is Other.");
    onReject({ reason, note: note.trim() || undefined });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation(); // the workspace's keys are off while the dialog is open
    if (e.key === "Escape") return onCancel();
    // Enter rejects from the dialog itself or the note; on a button it presses that button
    if (e.key === "Enter" && (e.target === box.current || e.target === noteRef.current)) {
      e.preventDefault();
      return submit();
    }
    const index = Number(e.key) - 1;
    if (e.target === box.current && index >= 0 && index < REJECT_REASONS.length) {
      e.preventDefault();
      setReason(REJECT_REASONS[index]!.value);
    }
  };
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="dialog"
      aria-label="Reject"
      onKeyDown={onKeyDown}
      className="rounded-lg border border-red-200 bg-red-50 p-4 outline-none"
    >
      <h3 className="font-medium text-red-900">Reject: why?</h3>
      <div role="radiogroup" aria-label="Reason" className="mt-2 flex flex-wrap gap-2">
        {REJECT_REASONS.map((r, i) => (
          <button
            key={r.value}
            type="button"
            role="radio"
            aria-checked={reason === r.value}
            onClick={() => setReason(r.value)}
            className={`rounded border px-2 py-1 text-sm ${reason === r.value ? "border-red-700 bg-red-700 text-white" : "border-red-200 bg-white"}`}
          >
            {r.label}
            <Kbd>{String(i + 1)}</Kbd>
          </button>
        ))}
      </div>
      <input
        ref={noteRef}
        aria-label="Note"
        placeholder="Note (needed for Other)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        className={`${inputClass} mt-2 w-full`}
      />
      {problem ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      <DialogButtons label="Reject" onConfirm={submit} onCancel={onCancel} />
    </div>
  );
}
