import { describe, expect, it } from "vitest";
import { verifyAllAuditChains } from "./audit";
import { organisationIdOf, tamperWithAuditEvent, testDatabaseKinds } from "./testing";
import { useTestDatabase } from "../test-support/database";

describe.each(testDatabaseKinds())("audit:verify on %s", (kind) => {
  useTestDatabase(kind);

  it("reports every organisation's chain intact, then names the first link broken by a direct edit", async () => {
    const intact = await verifyAllAuditChains();
    expect(intact.map((r) => [r.name, r.result.ok])).toEqual([
      ["Northwind Consulting", true],
      ["Contoso Advisory", true],
    ]);

    await tamperWithAuditEvent(await organisationIdOf("owner@contoso.test"), 2);
    const after = await verifyAllAuditChains();
    expect(after.find((r) => r.name === "Northwind Consulting")?.result.ok).toBe(true);
    expect(after.find((r) => r.name === "Contoso Advisory")?.result).toEqual({ ok: false, brokenAtSeq: 2, reason: "content was altered" });
  });
});
