// Shared class lists, so every control in the dashboard looks and behaves the same.

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-red-500/20 disabled:bg-slate-100";

export const monoInputClass = `${inputClass} font-mono text-[13px] leading-5`;

const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium shadow-sm transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-60";

export const primaryButtonClass = `${buttonBase} bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:ring-indigo-500`;

export const secondaryButtonClass = `${buttonBase} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:ring-indigo-500`;

export const dangerButtonClass = `${buttonBase} bg-red-600 text-white hover:bg-red-500 focus-visible:ring-red-500`;

export const linkClass = "font-medium text-indigo-600 hover:text-indigo-500 hover:underline";

export const cardClass = "rounded-lg border border-slate-200 bg-white shadow-sm";
