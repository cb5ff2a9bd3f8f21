"use client";

import { type KeyboardEvent, useId, useRef, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { InlineCode } from "@/components/ui/inline-code";
import { AGENT_CLIENTS } from "@/lib/agent-config/agent-clients";
import type { AgentEndpoint, AgentSnippet } from "@/lib/agent-config/agent-endpoint";

const tabClass =
  "-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500";
const selectedTabClass = `${tabClass} border-indigo-600 text-indigo-700`;
const idleTabClass = `${tabClass} border-transparent text-slate-600 hover:text-slate-900`;

// The tab a key moves to, as the WAI-ARIA tabs pattern has it; undefined for other keys.
function tabAfterKey(key: string, current: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowRight: (current + 1) % count,
    ArrowLeft: (current - 1 + count) % count,
    Home: 0,
    End: count - 1,
  };
  return moves[key];
}

/** Ready-to-paste configuration for each MCP client, one tab per client, each snippet with a copy button. */
export function ConnectAgent({ endpoint }: { endpoint: AgentEndpoint }) {
  const baseId = useId();
  const [selected, setSelected] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const client = AGENT_CLIENTS[selected] ?? AGENT_CLIENTS[0];
  if (!client) return null;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const next = tabAfterKey(event.key, index, AGENT_CLIENTS.length);
    if (next === undefined) return;
    event.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label="MCP client" className="flex flex-wrap gap-1 border-b border-slate-200">
        {AGENT_CLIENTS.map((option, index) => (
          <button
            key={option.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${option.id}`}
            aria-selected={index === selected}
            aria-controls={`${baseId}-panel`}
            tabIndex={index === selected ? 0 : -1}
            className={index === selected ? selectedTabClass : idleTabClass}
            onClick={() => setSelected(index)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-${client.id}`}
        className="space-y-4 pt-4"
      >
        <p className="text-sm text-slate-600">
          <InlineCode text={client.where} />
        </p>
        {client.build(endpoint).map((snippet) => (
          <SnippetBlock key={snippet.title} snippet={snippet} />
        ))}
      </div>
    </div>
  );
}

function SnippetBlock({ snippet }: { snippet: AgentSnippet }) {
  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-center justify-between gap-3">
        <span className="text-sm font-medium text-slate-800">{snippet.title}</span>
        <CopyButton value={snippet.code} />
      </figcaption>
      <pre
        data-testid="agent-snippet"
        data-language={snippet.language}
        className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-5 text-slate-100"
      >
        <code>{snippet.code}</code>
      </pre>
    </figure>
  );
}
