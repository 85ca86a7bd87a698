"use client";

import Link from "next/link";
import type { DeletionPreview } from "@/lib/databases/delete-database";

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * The confirmation of a deletion: what goes with the database (tasks, SFT samples, candidates,
 * pairs) and what stays; or, while jobs use it, which ones (the delete button is not offered).
 */
export function DeleteDatabaseConfirm(props: {
  name: string;
  preview: DeletionPreview | undefined;
  previewError: Error | null;
  deleting: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { name, preview, previewError, deleting, onCancel, onConfirm } = props;
  const cancel = (
    <button
      type="button"
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      onClick={onCancel}
      disabled={deleting}
    >
      Cancel
    </button>
  );
  if (previewError) {
    return (
      <div className="space-y-2">
        <p role="alert" className="text-sm text-red-700">
          {previewError.message}
        </p>
        {cancel}
      </div>
    );
  }
  if (!preview) return <p className="text-sm text-slate-500">Counting what goes with {name}…</p>;
  if (preview.blockingJobs.length) {
    return (
      <div
        role="alertdialog"
        aria-label={`${name} cannot be deleted now`}
        className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      >
        <p>
          {name} cannot be deleted while these jobs use it; cancel them on the Jobs page or let them finish:
        </p>
        <ul className="list-disc pl-5">
          {preview.blockingJobs.map((job) => (
            <li key={job.id}>
              {job.kind} job{" "}
              <Link className="font-mono underline" href="/jobs">
                {job.id}
              </Link>{" "}
              ({job.status})
            </li>
          ))}
        </ul>
        {cancel}
      </div>
    );
  }
  const { tasks, samples, candidates, pairs } = preview.contents;
  return (
    <div
      role="alertdialog"
      aria-label={`Delete ${name}?`}
      className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
    >
      <p className="font-medium">Delete {name}?</p>
      <p data-testid="deletion-contents">
        This deletes its file and {plural(tasks, "task")}, {plural(samples, "SFT sample")},{" "}
        {plural(candidates, "candidate")} and {plural(pairs, "preference pair")} made on it, reviewed or not.
      </p>
      <p className="text-red-800">
        Jobs, review history, exports already written and other databases stay. This cannot be undone.
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50"
          onClick={onConfirm}
          disabled={deleting}
        >
          {deleting ? "Deleting…" : `Delete ${name}`}
        </button>
        {cancel}
      </div>
    </div>
  );
}
