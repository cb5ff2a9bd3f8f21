import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import { describe, expect, it, vi } from "vitest";
import { toFormState } from "@/server/form-state";

function fakeLogger() {
  return { error: vi.fn() } as unknown as Logger & { error: ReturnType<typeof vi.fn> };
}

const fields = ["name", "headers", "policy"] as const;

describe("toFormState", () => {
  it("puts each message next to its field, and nested paths under their top-level field", () => {
    const error = new GatehouseError("invalid_input", "Some fields need attention.", {
      fieldErrors: [
        { field: "name", message: "Give the server a name." },
        { field: "headers.X Bad", message: "Header names use letters, digits and - only." },
        { field: "policy", message: "tools.echo.action: bad" },
        { field: "policy", message: "default: bad" },
      ],
    });
    expect(toFormState(error, { fields, logger: fakeLogger(), action: "test" })).toEqual({
      fieldErrors: {
        name: ["Give the server a name."],
        headers: ["X Bad: Header names use letters, digits and - only."],
        policy: ["tools.echo.action: bad", "default: bad"],
      },
    });
  });

  it("shows the public message above the form when no field is on it", () => {
    const error = new GatehouseError("upstream_unreachable", "Could not reach http://x (ECONNREFUSED).");
    expect(toFormState(error, { fields, logger: fakeLogger(), action: "test" })).toEqual({
      fieldErrors: {},
      formError: "Could not reach http://x (ECONNREFUSED).",
    });
  });

  it("logs an unexpected error and shows a generic message without its details", () => {
    const logger = fakeLogger();
    const state = toFormState(new Error("connect ECONNREFUSED postgres://secret@db"), {
      fields,
      logger,
      action: "t",
    });
    expect(state.formError).toMatch(/Something went wrong/);
    expect(state.formError).not.toMatch(/secret/);
    expect(logger.error).toHaveBeenCalledOnce();
  });
});
