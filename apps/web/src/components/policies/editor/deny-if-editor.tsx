"use client";

import { CONDITION_OPS } from "@gatehouse/policy/condition-ops";
import { isJsonObject } from "@/lib/policy-json";
import { showValue, toJsonOrText } from "./field-values";
import { MiniField } from "./limits-editor";
import { miniButtonClass, miniInputClass } from "./mini-styles";

type Item = Record<string, unknown>;

const FACT_PATHS = ["tool", "grant.id", "grant.name", "session.id", "category"];

/**
 * "Deny if" rules for one tool: each denies the call when all its conditions (path, op, value)
 * match, with an optional message for the agent.
 */
export function DenyIfEditor(props: {
  toolName: string;
  argumentNames: string[];
  items: unknown[];
  onChange: (items: unknown[]) => void;
}) {
  const { toolName, items } = props;
  const paths = [...props.argumentNames.map((name) => `args.${name}`), ...FACT_PATHS];
  const datalistId = `paths-${toolName}`;
  const newCondition = () => ({ path: paths[0] ?? "tool", op: "eq", value: "" });
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Deny if</legend>
      <datalist id={datalistId}>
        {paths.map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      {items.map((item, index) => (
        <DenyIfItemEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: deny rules have no identity but their position.
          key={index}
          item={isJsonObject(item) ? item : {}}
          of={`of deny rule ${index + 1} for ${toolName}`}
          pathListId={datalistId}
          newCondition={newCondition}
          onChange={(next) => props.onChange(items.map((old, i) => (i === index ? next : old)))}
          onRemove={() => props.onChange(items.filter((_, i) => i !== index))}
        />
      ))}
      <button
        type="button"
        className={miniButtonClass}
        onClick={() => props.onChange([...items, { conditions: [newCondition()] }])}
      >
        Add deny rule
      </button>
    </fieldset>
  );
}

function DenyIfItemEditor(props: {
  item: Item;
  of: string;
  pathListId: string;
  newCondition: () => Item;
  onChange: (item: Item) => void;
  onRemove: () => void;
}) {
  const { item, of } = props;
  const conditions = Array.isArray(item.conditions) ? item.conditions : [];
  const setConditions = (next: unknown[]) => props.onChange({ ...item, conditions: next });
  return (
    <div className="space-y-2 rounded border border-slate-200 bg-slate-50 p-2" data-testid="deny-if-item">
      {conditions.map((condition, index) => (
        <ConditionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their position.
          key={index}
          condition={isJsonObject(condition) ? condition : {}}
          label={`condition ${index + 1} ${of}`}
          pathListId={props.pathListId}
          onChange={(next) => setConditions(conditions.map((old, i) => (i === index ? next : old)))}
          onRemove={() => setConditions(conditions.filter((_, i) => i !== index))}
        />
      ))}
      <div className="flex flex-wrap items-end gap-2">
        <MiniField label="Message to the agent">
          <input
            aria-label={`Message ${of}`}
            className={`${miniInputClass} w-72`}
            value={typeof item.on_deny === "string" ? item.on_deny : ""}
            onChange={(event) => props.onChange(withOptionalText(item, "on_deny", event.target.value))}
          />
        </MiniField>
        <button
          type="button"
          className={miniButtonClass}
          onClick={() => setConditions([...conditions, props.newCondition()])}
        >
          Add condition
        </button>
        <button type="button" className={miniButtonClass} onClick={props.onRemove}>
          Remove deny rule
        </button>
      </div>
    </div>
  );
}

function ConditionEditor(props: {
  condition: Item;
  label: string;
  pathListId: string;
  onChange: (condition: Item) => void;
  onRemove: () => void;
}) {
  const { condition, label } = props;
  const setField = (field: string, value: unknown) => props.onChange({ ...condition, [field]: value });
  return (
    <div className="flex flex-wrap items-end gap-2">
      <MiniField label="Path">
        <input
          aria-label={`Path of ${label}`}
          list={props.pathListId}
          className={`${miniInputClass} w-44 font-mono`}
          value={typeof condition.path === "string" ? condition.path : ""}
          onChange={(event) => setField("path", event.target.value)}
        />
      </MiniField>
      <MiniField label="Operator">
        <select
          aria-label={`Operator of ${label}`}
          className={`${miniInputClass} w-24`}
          value={typeof condition.op === "string" ? condition.op : "eq"}
          onChange={(event) => setField("op", event.target.value)}
        >
          {CONDITION_OPS.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </MiniField>
      <MiniField label="Value (JSON or text)">
        <input
          aria-label={`Value of ${label}`}
          className={`${miniInputClass} w-44 font-mono`}
          value={showValue(condition.value)}
          onChange={(event) => setField("value", toJsonOrText(event.target.value))}
        />
      </MiniField>
      <button type="button" className={miniButtonClass} onClick={props.onRemove}>
        Remove condition
      </button>
    </div>
  );
}

/** Sets a text field, or removes it when emptied (an empty message is invalid, a missing one is standard). */
export function withOptionalText(object: Item, field: string, text: string): Item {
  const { [field]: _previous, ...rest } = object;
  return text === "" ? rest : { ...rest, [field]: text };
}
