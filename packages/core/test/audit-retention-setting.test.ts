import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { getAuditRetention } from "@gatehouse/core/audit/get-audit-retention";
import { setAuditRetention } from "@gatehouse/core/audit/set-audit-retention";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, useTestDb } from "./test-support";

const db = useTestDb();
let orgId: string;
let otherOrgId: string;
let actor: Actor;

beforeAll(async () => {
  [{ orgId, actor }, { orgId: otherOrgId }] = await Promise.all([
    createTestAccount(db, "retention"),
    createTestAccount(db, "retention-other"),
  ]);
});

describe("audit retention setting", () => {
  it("starts at 90 days and keeps what is set, for that organisation only", async () => {
    expect(await getAuditRetention({ db, orgId })).toBe(90);
    expect(await setAuditRetention({ db, orgId, actor, days: "30" })).toBe(30);
    expect(await setAuditRetention({ db, orgId, actor, days: 3650 })).toBe(3650);
    expect(await getAuditRetention({ db, orgId })).toBe(3650);
    expect(await getAuditRetention({ db, orgId: otherOrgId })).toBe(90);
  });

  it.each(["0", "3651", "-5", "1.5", "ninety", ""])(
    "refuses %j with a message saying the range",
    async (days) => {
      await setAuditRetention({ db, orgId, actor, days: 7 });
      expect(await gatehouseFailure(setAuditRetention({ db, orgId, actor, days }))).toEqual({
        code: "invalid_input",
        message: "Some fields need attention.",
        fieldErrors: [{ field: "days", message: "Enter a whole number of days from 1 to 3650 (ten years)." }],
      });
      expect(await getAuditRetention({ db, orgId })).toBe(7);
    },
  );
});
