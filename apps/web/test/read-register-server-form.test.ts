import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { describe, expect, it } from "vitest";
import { readRegisterServerForm } from "@/server/servers/read-register-server-form";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("readRegisterServerForm", () => {
  it("reads an HTTP server's headers as Name: value lines", () => {
    const input = readRegisterServerForm(
      form({
        name: "gh",
        transport: "sse",
        url: "https://x/sse",
        headers: "Authorization: Bearer a:b\n\nX-Team: ops",
      }),
    );
    expect(input).toEqual({
      name: "gh",
      transport: "sse",
      url: "https://x/sse",
      headers: { Authorization: "Bearer a:b", "X-Team": "ops" },
    });
  });

  it("reads a stdio server's arguments per line and env as KEY=value lines", () => {
    const input = readRegisterServerForm(
      form({ name: "local", transport: "stdio", command: "npx", args: "-y\n pkg@1 \n", env: "TOKEN=a=b" }),
    );
    expect(input).toEqual({
      name: "local",
      transport: "stdio",
      command: "npx",
      args: ["-y", "pkg@1"],
      env: { TOKEN: "a=b" },
    });
  });

  it("reports a malformed line against the field it is in", () => {
    try {
      readRegisterServerForm(
        form({ name: "x", transport: "streamable_http", url: "https://x", headers: "oops" }),
      );
      expect.unreachable();
    } catch (error) {
      expect(isGatehouseError(error, "invalid_input")).toBe(true);
      expect((error as { fieldErrors: unknown }).fieldErrors).toEqual([
        { field: "headers", message: 'Line 1 should look like "Authorization: Bearer …".' },
      ]);
    }
  });
});
