import { z } from "zod";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cardClass } from "@/components/ui/styles";

type ToolRow = {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  annotations: unknown;
  removedAt: Date | null;
};

// Annotations come from the upstream server as untrusted JSON; only the standard hints are shown.
const AnnotationsSchema = z
  .object({
    readOnlyHint: z.boolean().optional(),
    destructiveHint: z.boolean().optional(),
    idempotentHint: z.boolean().optional(),
    openWorldHint: z.boolean().optional(),
  })
  .catch({});

const HINTS: { key: keyof z.output<typeof AnnotationsSchema>; label: string; tone: BadgeTone }[] = [
  { key: "readOnlyHint", label: "read-only", tone: "green" },
  { key: "destructiveHint", label: "destructive", tone: "red" },
  { key: "idempotentHint", label: "idempotent", tone: "slate" },
  { key: "openWorldHint", label: "open world", tone: "amber" },
];

/** The tools a server offered at its last discovery, with the hints it gives about each. */
export function ToolsTable({ tools }: { tools: ToolRow[] }) {
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tools-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Name</th>
            <th className="px-4 py-3">Title</th>
            <th className="px-4 py-3">Description</th>
            <th className="px-4 py-3">Annotations</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tools.map((tool) => {
            const annotations = AnnotationsSchema.parse(tool.annotations ?? {});
            return (
              <tr
                key={tool.id}
                data-testid="tool-row"
                className={tool.removedAt ? "text-slate-400" : undefined}
              >
                <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">
                  {tool.name}
                  {tool.removedAt ? (
                    <span className="ml-2">
                      <Badge tone="slate">removed</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-3">{tool.title ?? "—"}</td>
                <td className="max-w-md px-4 py-3 text-slate-600">
                  <p className="line-clamp-3">{tool.description ?? "—"}</p>
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-1">
                    {HINTS.filter((hint) => annotations[hint.key] === true).map((hint) => (
                      <Badge key={hint.key} tone={hint.tone}>
                        {hint.label}
                      </Badge>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
