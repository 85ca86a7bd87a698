import type { ReactNode } from "react";

/** The outcome of a form's mutation: the server's error in words, or what succeeded. */
export function MutationFeedback({ error, success }: { error: Error | null; success?: ReactNode }) {
  if (error) {
    return (
      <p role="alert" className="mt-2 text-sm text-red-700">
        {error.message}
      </p>
    );
  }
  return success ? (
    <div role="status" className="mt-2 text-sm text-emerald-800">
      {success}
    </div>
  ) : null;
}
