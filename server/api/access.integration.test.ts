import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import {
  attachVerifiedEvidence,
  clientUserIdOf,
  createNotificationFor,
  createTestDatabase,
  evidenceIdOf,
  databaseFingerprint,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import type { SessionClaims } from "../auth";
import { createApiToken } from "../data/api-tokens";
import { inviteClientUser } from "../data/invitations";
import { resolveOrgScope } from "../data/scope";
import { errorCodeOf } from "./test-support/error-code";
import { createCaller } from "./root";
import { approvedMilestone } from "./test-support/invoicing";
import { callProcedure, listProcedures, sampleInput } from "./test-support/procedures";

const EASTBANK_ENGAGEMENT = "Financial-grade blockchain data synchroniser — private deployment";

const procedures = listProcedures();

describe.each(testDatabaseKinds())("procedure access on %s", (kind) => {
  let db: TestDatabase;
  let victimIds: Record<string, string>;
  let sessions: Record<"northwindOwner" | "contosoOwner" | "eastbankApprover" | "eastbankViewer" | "lakesideApprover" | "fabrikamApprover", SessionClaims>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    victimIds = {
      engagement: await idOf("engagement", { title: EASTBANK_ENGAGEMENT }),
      milestone: await idOf("milestone", { title: EASTBANK_ENGAGEMENT, key: "review" }),
      client: await idOf("client", { name: "Eastbank" }),
    };
    const northwind = await resolveOrgScope((await sessionFor("owner@northwind.test")).userId);
    victimIds.apiToken = (await createApiToken(northwind!, victimIds.engagement!, "victim pipeline"))!.view.id;
    victimIds.evidence = await evidenceIdOf(await attachVerifiedEvidence("owner@northwind.test", victimIds.milestone!, "lcov", "pass"));
    const invited = await inviteClientUser(northwind!, { clientId: victimIds.client!, email: "victim-invitee@eastbank.test", role: "viewer" }, { origin: "http://localhost", smtpConfigured: false });
    victimIds.invitation = invited.invitation.id;
    victimIds.user = (await sessionFor("owner@northwind.test")).userId;
    victimIds.clientUser = await clientUserIdOf("viewer@eastbank.test");
    victimIds.notification = await createNotificationFor("owner@northwind.test", EASTBANK_ENGAGEMENT);
    const approved = await approvedMilestone(EASTBANK_ENGAGEMENT, "poc", "owner@northwind.test", "approver@eastbank.test");
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    victimIds.adr = (await owner.adr.list({ engagementId: victimIds.engagement! })).find((a) => a.number === 7)!.id;
    victimIds.invoice = (await owner.invoice.issue({ engagementId: victimIds.engagement!, milestoneIds: [approved], idempotencyKey: "victim-invoice" })).id;
    sessions = {
      northwindOwner: await sessionFor("owner@northwind.test"),
      contosoOwner: await sessionFor("owner@contoso.test"),
      eastbankApprover: await sessionFor("approver@eastbank.test"),
      eastbankViewer: await sessionFor("viewer@eastbank.test"),
      lakesideApprover: await sessionFor("approver@lakeside.test"),
      fabrikamApprover: await sessionFor("approver@fabrikam.test"),
    };
  });
  afterAll(() => db.drop());

  it("finds procedures in the router, each behind a session and with a declared output schema", () => {
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(["engagement.list", "engagement.get", "portal.engagement.get"]));
    for (const procedure of procedures) {
      expect(procedure.area, procedure.path).not.toBe("public");
      expect(procedure.hasOutputSchema, procedure.path).toBe(true);
    }
  });

  it.each(procedures.map((p) => [p.path, p] as const))("%s rejects an unauthenticated call and changes nothing", async (_path, procedure) => {
    const before = await databaseFingerprint();
    const input = sampleInput(procedure.path, procedure.input, victimIds);
    expect(await errorCodeOf(callProcedure({ session: null }, procedure.path, input))).toBe("UNAUTHORIZED");
    expect(await databaseFingerprint()).toBe(before);
  });

  const withIds = procedures.filter((p) => p.idEntities.length > 0);

  it.each(withIds.map((p) => [p.path, p] as const))("%s answers NOT_FOUND to users of another tenant or client", async (_path, procedure) => {
    const outsiders =
      procedure.area === "org"
        ? [sessions.contosoOwner]
        : procedure.area === "portal"
          ? [sessions.lakesideApprover, sessions.fabrikamApprover]
          : [sessions.contosoOwner, sessions.lakesideApprover, sessions.fabrikamApprover];
    const input = sampleInput(procedure.path, procedure.input, victimIds);
    for (const session of outsiders) {
      const before = await databaseFingerprint();
      expect(await errorCodeOf(callProcedure({ session }, procedure.path, input)), JSON.stringify(session)).toBe("NOT_FOUND");
      expect(await databaseFingerprint()).toBe(before);
    }
  });

  it.each(withIds.map((p) => [p.path, p] as const))("%s answers NOT_FOUND to an unknown id", async (_path, procedure) => {
    const owner = procedure.area === "portal" ? sessions.eastbankApprover : sessions.northwindOwner;
    const unknown = Object.fromEntries(Object.keys(victimIds).map((entity) => [entity, "c000000000000000000000000"]));
    const input = sampleInput(procedure.path, procedure.input, unknown);
    expect(await errorCodeOf(callProcedure({ session: owner }, procedure.path, input))).toBe("NOT_FOUND");
  });

  it.each(procedures.filter((p) => p.area !== "authed").map((p) => [p.path, p] as const))(
    "%s is FORBIDDEN to the other kind of user",
    async (_path, procedure) => {
      const wrongKind = procedure.area === "org" ? sessions.eastbankApprover : sessions.northwindOwner;
      const input = sampleInput(procedure.path, procedure.input, victimIds);
      expect(await errorCodeOf(callProcedure({ session: wrongKind }, procedure.path, input))).toBe("FORBIDDEN");
    },
  );

  it("rejects input fields a caller must not choose", async () => {
    const input = { id: victimIds.engagement, organisationId: "someone-else" };
    expect(await errorCodeOf(callProcedure({ session: sessions.northwindOwner }, "engagement.get", input))).toBe("BAD_REQUEST");
  });
});
