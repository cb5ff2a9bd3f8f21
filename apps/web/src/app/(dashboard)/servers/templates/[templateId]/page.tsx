import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CatalogueTable } from "@/components/catalogue/catalogue-table";
import { RecommendedRules } from "@/components/catalogue/recommended-rules";
import { ToolFiltersForm } from "@/components/catalogue/tool-filters-form";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { TRANSPORT_LABELS } from "@/components/servers/transport-label";
import { EmptyState } from "@/components/ui/empty-state";
import { InlineCode } from "@/components/ui/inline-code";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass, primaryButtonClass } from "@/components/ui/styles";
import { filterCatalogue, ToolFiltersSchema } from "@/lib/tool-catalogue";
import { can } from "@/server/auth/permissions";
import { requireSession } from "@/server/auth/session";
import { getServices } from "@/server/services";
import {
  classifyTemplateTools,
  findServerTemplate,
  recommendTemplatePolicy,
} from "@/server/templates/server-templates";

export const metadata: Metadata = { title: "Server template" };

type Props = {
  params: Promise<{ templateId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A known server shown before anything is connected: its tools classified and the policy we would recommend. */
export default async function ServerTemplatePage({ params, searchParams }: Props) {
  const session = await requireSession();
  const { templateId } = await params;
  const template = findServerTemplate(templateId);
  if (!template) notFound();
  const filters = ToolFiltersSchema.parse(await searchParams);
  const { env } = getServices();
  const rows = classifyTemplateTools(template);
  const shown = filterCatalogue(rows, filters);
  const pagePath = `/servers/templates/${encodeURIComponent(template.id)}`;
  const isStdioBlocked = template.transport === "stdio" && !env.GATEHOUSE_ALLOW_STDIO;
  const canRegister = can(session.role, "manage_servers");

  return (
    <DashboardShell session={session}>
      <PageHeader
        title={template.name}
        description={
          <>
            <Link href="/servers" className={linkClass}>
              ← All servers
            </Link>{" "}
            · A known server: see what its tools can do before you connect anything.
          </>
        }
        actions={
          canRegister && !isStdioBlocked ? (
            <Link
              href={`/servers/new?template=${encodeURIComponent(template.id)}`}
              className={primaryButtonClass}
            >
              Use this template
            </Link>
          ) : null
        }
      />

      <section className={`${cardClass} mb-8 space-y-4 p-6`} aria-labelledby="template-heading">
        <h2 id="template-heading" className="text-base font-semibold text-slate-900">
          How it runs
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          <Detail term="Source">{template.source}</Detail>
          <Detail term="Transport">{TRANSPORT_LABELS[template.transport]}</Detail>
          <Detail term="Command">
            <code className="font-mono text-xs">{[template.command, ...template.args].join(" ")}</code>
          </Detail>
          <Detail term="Required environment">
            {template.requiredEnv.map((name) => (
              <code key={name} className="mr-2 font-mono text-xs">
                {name}
              </code>
            ))}
          </Detail>
          <Detail term="Tools">{template.tools.length}</Detail>
        </dl>
        <p className="text-sm text-slate-700" data-testid="template-note">
          <InlineCode text={template.note} />
        </p>
        {isStdioBlocked ? (
          <p
            role="status"
            data-testid="template-stdio-disabled"
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            stdio servers are disabled by the operator of this Gatehouse, so it cannot run this command. Run
            the server behind an stdio-to-HTTP bridge as the note above describes, then{" "}
            <Link href="/servers/new" className={linkClass}>
              register the bridge's URL
            </Link>{" "}
            as a Streamable HTTP server.
          </p>
        ) : null}
      </section>

      <section className="mb-8" aria-labelledby="template-tools-heading">
        <h2 id="template-tools-heading" className="mb-1 text-lg font-semibold text-slate-900">
          Tools <span className="text-sm font-normal text-slate-500">({rows.length})</span>
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Classified from the definitions this server ships, exactly as they will be at discovery.
        </p>
        <ToolFiltersForm action={pagePath} filters={filters} shown={shown.length} total={rows.length} />
        {shown.length ? (
          <CatalogueTable rows={shown} />
        ) : (
          <EmptyState title="No tools match these filters">Change or clear the filters above.</EmptyState>
        )}
      </section>

      <section className={`${cardClass} space-y-3 p-6`} aria-labelledby="template-policy-heading">
        <h2 id="template-policy-heading" className="text-base font-semibold text-slate-900">
          Recommended policy
        </h2>
        <RecommendedRules />
        <pre
          className="max-h-[36rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-5 text-slate-800"
          data-testid="recommended-policy"
        >
          {recommendTemplatePolicy(rows)}
        </pre>
        <p className="text-xs text-slate-500">
          Once the server is registered and discovered, the policy page offers this recommendation in one
          click (“Apply recommended policy”).
        </p>
      </section>
    </DashboardShell>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-500">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
