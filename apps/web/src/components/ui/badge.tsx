import type { ReactNode } from "react";

const TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  orange: "bg-orange-50 text-orange-800 ring-orange-600/25",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A small coloured label for a status or decision; `title` explains it on hover. */
export function Badge({
  tone,
  children,
  title,
  testId,
}: {
  tone: BadgeTone;
  children: ReactNode;
  title?: string | undefined;
  testId?: string | undefined;
}) {
  return (
    <span
      title={title}
      data-testid={testId}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
