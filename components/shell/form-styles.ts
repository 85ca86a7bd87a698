// Shared Tailwind classes for the dashboard's small forms.
export const inputClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-sky-500 focus:outline-none";
export const buttonClass =
  "rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50";
export const cardClass = "rounded-lg border border-slate-200 bg-white p-4";
