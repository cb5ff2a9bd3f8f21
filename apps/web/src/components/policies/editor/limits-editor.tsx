"use client";

import { LIMIT_SCOPES } from "@gatehouse/policy/limit-schema";
import { WINDOW_NAMES } from "@gatehouse/policy/limit-window";
import type { ReactNode } from "react";
import { isJsonObject } from "@/lib/policy-json";
import { showText, toNumberOrText } from "./field-values";
import { miniButtonClass, miniInputClass } from "./mini-styles";

type Limit = Record<string, unknown>;

/** Rows of rate limits (counter, window, max, scope) for one tool; other limit fields are kept. */
export function LimitsEditor(props: {
  toolName: string;
  limits: unknown[];
  onChange: (limits: unknown[]) => void;
}) {
  const { toolName, limits } = props;
  const update = (index: number, field: string, value: unknown) =>
    props.onChange(
      limits.map((limit, i) => (i === index && isJsonObject(limit) ? { ...limit, [field]: value } : limit)),
    );
  const datalistId = `windows-${toolName}`;
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Limits</legend>
      <datalist id={datalistId}>
        {WINDOW_NAMES.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {limits.length === 0 ? (
        <p className="text-xs text-slate-500">No limits: calls are not counted.</p>
      ) : null}
      {limits.map((raw, index) => {
        const limit: Limit = isJsonObject(raw) ? raw : {};
        const of = `of limit ${index + 1} for ${toolName}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: limits have no identity but their position.
          <div key={index} className="flex flex-wrap items-end gap-2" data-testid="limit-row">
            <MiniField label="Counter">
              <input
                aria-label={`Counter ${of}`}
                className={`${miniInputClass} w-40 font-mono`}
                value={showText(limit.counter)}
                onChange={(event) => update(index, "counter", event.target.value)}
              />
            </MiniField>
            <MiniField label="Window">
              <input
                aria-label={`Window ${of}`}
                list={datalistId}
                className={`${miniInputClass} w-28`}
                value={showText(limit.window)}
                onChange={(event) => update(index, "window", toNumberOrText(event.target.value))}
              />
            </MiniField>
            <MiniField label="Max">
              <input
                aria-label={`Max ${of}`}
                inputMode="numeric"
                className={`${miniInputClass} w-20`}
                value={showText(limit.max)}
                onChange={(event) => update(index, "max", toNumberOrText(event.target.value))}
              />
            </MiniField>
            <MiniField label="Scope">
              <select
                aria-label={`Scope ${of}`}
                className={`${miniInputClass} w-28`}
                value={typeof limit.scope === "string" ? limit.scope : "grant"}
                onChange={(event) => update(index, "scope", event.target.value)}
              >
                {LIMIT_SCOPES.map((scope) => (
                  <option key={scope} value={scope}>
                    {scope}
                  </option>
                ))}
              </select>
            </MiniField>
            <button
              type="button"
              className={miniButtonClass}
              onClick={() => props.onChange(limits.filter((_, i) => i !== index))}
            >
              Remove limit
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className={miniButtonClass}
        onClick={() => props.onChange([...limits, newLimit(toolName, limits.length)])}
      >
        Add limit
      </button>
    </fieldset>
  );
}

// Counter names allow fewer characters than tool names; a fresh counter is per tool and per row.
function newLimit(toolName: string, count: number): Limit {
  const base = toolName.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 50) || "calls";
  return {
    counter: count === 0 ? `${base}_rate` : `${base}_rate_${count + 1}`,
    window: "minute",
    max: 60,
    scope: "grant",
  };
}

/** A small caption above a compact control. */
export function MiniField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-0.5">
      <span aria-hidden="true" className="block text-[11px] font-medium text-slate-500">
        {label}
      </span>
      {children}
    </div>
  );
}
