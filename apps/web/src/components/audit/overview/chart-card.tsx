import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/styles";

/** A titled card around one chart, saying in a line what it shows. */
export function ChartCard(props: {
  title: string;
  description: string;
  testId: string;
  children: ReactNode;
}) {
  const headingId = `${props.testId}-heading`;
  return (
    <section aria-labelledby={headingId} className={`${cardClass} space-y-3 p-4`} data-testid={props.testId}>
      <div>
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {props.title}
        </h2>
        <p className="text-sm text-slate-600">{props.description}</p>
      </div>
      {props.children}
    </section>
  );
}
