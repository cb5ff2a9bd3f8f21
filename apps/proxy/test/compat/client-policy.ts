/**
 * The policy the client compatibility tests grant on server-everything: `echo` is allowed unless
 * its message starts with "prod-" (a denial at call time, on a tool the client can see), and
 * `get-sum` is denied outright, so hidden from tools/list.
 */
export const CLIENT_TEST_POLICY = {
  version: "1",
  default: "deny",
  tools: {
    echo: {
      deny_if: [
        {
          conditions: [{ path: "args.message", op: "regex", value: "^prod-" }],
          on_deny: "No prod messages.",
        },
      ],
    },
    "get-sum": { action: "deny", reason: "no maths" },
  },
};

/** What an agent receives for `echo` with a "prod-" message under CLIENT_TEST_POLICY. */
export const PROD_DENIAL = "[POLICY DENIED] No prod messages.";
