/** The example from the language reference, using every field; it must parse. */
export const FULL_POLICY = {
  version: "1",
  default: "deny",
  mode: "enforce",
  log_arguments: "redacted",
  hide: ["delete_*"],
  all_tools: { limits: [{ counter: "all_calls", window: "hour", max: 1000, scope: "org" }] },
  categories: { destructive: { action: "require_approval" }, read: {} },
  tools: {
    copy_model_version: {
      action: "allow",
      reason: "shown to the agent when denied / held",
      limits: [
        { counter: "writes", window: "minute", max: 30, scope: "grant", increment_from: "args.amount" },
      ],
      rate_limit: { max: 10, window: 60 },
      deny_if: [
        {
          conditions: [{ path: "args.dst_model_name", op: "regex", value: "^prod-" }],
          on_deny: "Copies into prod- models need a human.",
        },
      ],
      approve_if: [{ conditions: [{ path: "args.amount", op: "gt", value: 100 }], reason: "Large copy." }],
    },
    "delete_*": { action: "deny", reason: "Deletes are done by people." },
  },
  resources: { "file:///secrets/*": { action: "deny" } },
  prompts: { summarise: { action: "allow" } },
};
