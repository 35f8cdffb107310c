import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { numberFromFilename, parseAdr } from "../domain/adr/madr";
import { createTestDatabase, idOf, seedForTests, sessionFor, testDatabaseKinds, type TestDatabase } from "../data/testing";
import { exportAdrsRest, listAdrsRest } from "./rest/adrs";
import { createCaller } from "./root";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

describe.each(testDatabaseKinds())("ADRs over the API on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  it("lists the demo's ADR-007 for the consultant and the client, and nothing to other tenants", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const adrs = await createCaller({ session: owner }).adr.list({ engagementId });
    expect(adrs.find((a) => a.number === 7)).toMatchObject({ title: "Use embedded SQLite storage", status: "accepted" });
    const rest = (await (await listAdrsRest(owner, engagementId)).json()) as { adrs: { number: number; status: string }[] };
    expect(rest.adrs).toContainEqual({ number: 7, title: "Use embedded SQLite storage", status: "accepted", supersededBy: null });

    const approver = await sessionFor("approver@eastbank.test");
    const portal = await createCaller({ session: approver }).portal.adr.list({ engagementId });
    expect(portal.every((a) => a.status === "accepted")).toBe(true);
    expect(portal.map((a) => a.number)).toContain(7);

    for (const email of ["approver@lakeside.test", "owner@contoso.test"]) {
      expect((await listAdrsRest(await sessionFor(email), engagementId)).status).toBe(404);
      expect((await exportAdrsRest(await sessionFor(email), engagementId)).status).toBe(404);
    }
  });

  it("exports MADR files under adr-tools names that read back to the same records", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const response = await exportAdrsRest(owner, engagementId);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(files);
    expect(names).toContain("docs/decisions/0007-use-embedded-sqlite-storage.md");
    const listed = await createCaller({ session: owner }).adr.list({ engagementId });
    const read = names.map((name) => parseAdr(strFromU8(files[name]!), numberFromFilename(name))).sort((a, b) => a.number - b.number);
    expect(read).toEqual(listed);
  });
});
