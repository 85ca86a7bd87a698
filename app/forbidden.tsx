import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-lg rounded-lg border border-amber-300 bg-amber-50 p-6" role="alert">
      <h1 className="text-lg font-semibold">Not for your role</h1>
      <p className="mt-2 text-sm text-slate-700">
        Your account may not open this page. Ask an admin if you need it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm text-sky-700 underline">
        Back to the overview
      </Link>
    </div>
  );
}
