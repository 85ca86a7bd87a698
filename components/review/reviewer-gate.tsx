"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useEnterReviewer, useReviewer } from "@/components/review/review-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import type { Reviewer } from "@/lib/review/reviewer";

/** Asks who is reviewing (once per browser) before the workspace claims anything. */
export function ReviewerGate({ children }: { children: (reviewer: Reviewer) => ReactNode }) {
  const { data, isPending, error } = useReviewer();
  const enter = useEnterReviewer();
  const [name, setName] = useState("");
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  if (data.reviewer) return <>{children(data.reviewer)}</>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    enter.mutate(name);
  };
  return (
    <form onSubmit={onSubmit} className={`${cardClass} max-w-md`} aria-label="Who is reviewing">
      <h2 className="font-medium">Who is reviewing?</h2>
      <p className="mt-1 text-xs text-slate-500">Your name goes on every decision in the audit log. (Accounts with passwords come later.)</p>
      <div className="mt-3 flex gap-2">
        <input aria-label="Your name" value={name} onChange={(e) => setName(e.target.value)} className={`${inputClass} flex-1`} autoFocus />
        <button type="submit" className={buttonClass} disabled={enter.isPending}>
          Start reviewing
        </button>
      </div>
      <MutationFeedback error={enter.error} />
    </form>
  );
}
