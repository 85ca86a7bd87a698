"use client";

import { WayOutLinks } from "@/components/shell/way-out-links";

// Our own error page inside the layout (navigation stays): Next's built-in one carries an inline
// <style> without the CSP nonce. The server logged the error with this digest.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="max-w-lg rounded-lg border border-red-200 bg-white p-6" role="alert">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-sm text-slate-700">
        Something went wrong on the server. Nothing you stored is lost.
        {error.digest ? ` The server log names this error ${error.digest}.` : ""}
      </p>
      <button type="button" className="mt-4 text-sm text-sky-700 underline" onClick={reset}>
        Try again
      </button>
      <WayOutLinks />
    </div>
  );
}
