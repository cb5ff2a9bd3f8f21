import { randomUUID } from "node:crypto";
import { encodeCsvRow } from "@gatehouse/core/audit/encode-csv-row";
import {
  AUDIT_EXPORT_FIELDS,
  type AuditExportFormat,
  exportAuditEvents,
} from "@gatehouse/core/audit/export-audit-events";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { streamAuditEvents } from "@gatehouse/core/audit/stream-audit-events";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { at, auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./test-support";

const db = useTestDb();
const logger = createLogger({ name: "audit-export-test", level: "silent" });
let orgId: string;

beforeAll(async () => {
  ({ orgId } = await createTestAccount(db, "audit-export"));
});

/** `count` events of a new grant, three sharing each second, and their ids newest first. */
async function seedGrant(count: number) {
  const grantId = `g-${randomUUID()}`;
  const events = Array.from({ length: count }, (_, index) =>
    auditEvent(orgId, { grantId, occurredAt: at(Math.floor(index / 3)) }),
  );
  await insertAuditEvents({ db, events });
  const newestFirst = [...events]
    .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt) || (y.id < x.id ? -1 : 1))
    .map((event) => event.id);
  return { grantId, newestFirst };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("encodeCsvRow", () => {
  it.each<[string, unknown, string]>([
    ["plain text", "echo", "echo"],
    ["a number", 42, "42"],
    ["a negative number, which is no formula", -32601, "-32601"],
    ["a boolean", false, "false"],
    ["null as an empty cell", null, ""],
    ["a date as ISO 8601", new Date("2026-03-01T12:00:00.000Z"), "2026-03-01T12:00:00.000Z"],
    ["a comma, quoted", "a,b", '"a,b"'],
    ["quotes, doubled", 'say "hi"', '"say ""hi"""'],
    ["a line break, quoted", "two\nlines", '"two\nlines"'],
    ["an array as JSON", ["a", "b"], '"[""a"",""b""]"'],
    ["an object as JSON", { k: 1 }, '"{""k"":1}"'],
    ["a formula, defused", '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["a leading plus, defused", "+1+1", "'+1+1"],
    ["a leading minus in text, defused", "-2+3", "'-2+3"],
    ["a leading at sign, defused", "@SUM(A1)", "'@SUM(A1)"],
    ["a leading tab, defused", "\t=1", "'\t=1"],
    ["a formula with a comma, defused and quoted", "=1,2", '"\'=1,2"'],
  ])("writes %s", (_label, value, cell) => {
    expect(encodeCsvRow([value])).toBe(`${cell}\r\n`);
  });

  it("ends each record with CRLF and separates cells with commas", () => {
    expect(encodeCsvRow(["a", null, 3])).toBe("a,,3\r\n");
  });
});

describe("streamAuditEvents", () => {
  it("yields every matching event exactly once, newest first, across many pages", async () => {
    const { grantId, newestFirst } = await seedGrant(23);
    const pages: string[][] = [];
    for await (const page of streamAuditEvents({ db, orgId, filter: { grantId }, pageSize: 4 })) {
      pages.push(page.map((event) => event.id));
    }
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(pages.flat()).toEqual(newestFirst);
  });
});

describe("exportAuditEvents", () => {
  const exportOf = (grantId: string, format: AuditExportFormat) =>
    exportAuditEvents({ db, orgId, filter: { grantId }, format, logger, pageSize: 4 });

  it("writes NDJSON: one event per line, every one once, without the organisation", async () => {
    const { grantId, newestFirst } = await seedGrant(10);
    const lines = (await readAll(exportOf(grantId, "ndjson"))).split("\n");
    expect(lines.pop()).toBe("");
    const exported = lines.map((line) => JSON.parse(line));
    expect(exported.map((event) => event.id)).toEqual(newestFirst);
    expect(Object.keys(exported[0])).toEqual([...AUDIT_EXPORT_FIELDS]);
    expect(exported[0]).toMatchObject({ grantId, tool: "echo", argumentKeys: ["message"], arguments: null });
    expect(exported[0].occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("writes CSV: a header, then one escaped record per event", async () => {
    const grantId = `g-${randomUUID()}`;
    const hostile = auditEvent(orgId, {
      grantId,
      occurredAt: at(1),
      tool: "=cmd|' /C calc'!A0",
      reason: 'Said "no",\nthen left',
      argumentKeys: ["a", "b"],
      jsonRpcErrorCode: -32601,
    });
    await insertAuditEvents({ db, events: [hostile] });
    const csv = await readAll(exportOf(grantId, "csv"));
    expect(csv.startsWith(`${AUDIT_EXPORT_FIELDS.join(",")}\r\n`)).toBe(true);
    const record = csv.slice(csv.indexOf("\r\n") + 2);
    expect(record.startsWith(`${hostile.id},${hostile.occurredAt},${grantId},`)).toBe(true);
    expect(record).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(record).toContain(`,"Said ""no"",\nthen left",`);
    expect(record).toContain(`,-32601,`);
    expect(record).toContain(`,"[""a"",""b""]",`);
    expect(record.endsWith("\r\n")).toBe(true);
  });

  it("reads each page only when the previous one has been taken", async () => {
    const { grantId, newestFirst } = await seedGrant(8);
    const reader = exportOf(grantId, "ndjson").getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.trim().split("\n")).toHaveLength(4);
    // Filed after the export began, but older than every event read so far: a stream that
    // had read everything up front would not have it.
    const late = auditEvent(orgId, { grantId, occurredAt: at(-60) });
    await insertAuditEvents({ db, events: [late] });
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    const ids = [...first.trim().split("\n"), ...rest.trim().split("\n")].map((line) => JSON.parse(line).id);
    expect(ids).toEqual([...newestFirst, late.id]);
  });
});
