import type { Metadata } from "next";
import { WayOutLinks } from "@/components/shell/way-out-links";

export const metadata: Metadata = { title: "Page not found" };

// Our own 404, inside the app's layout (the sidebar stays when signed in). Next's built-in one
// carries an inline <style> without the CSP nonce, which the pages' policy blocks.
export default function NotFound() {
  return (
    <div className="max-w-lg rounded-lg border border-slate-300 bg-white p-6" role="alert">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-700">
        There is nothing at this address. It may have been mistyped, or what it showed was removed.
      </p>
      <WayOutLinks />
    </div>
  );
}
