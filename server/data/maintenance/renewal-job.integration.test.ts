import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../../jobs/runner";
import { addDays } from "../../domain/invoice";
import { useTestDatabase } from "../../test-support/database";
import { eventually } from "../../test-support/smtp";
import { queueConnection } from "../jobs/connection";
import { prisma } from "../prisma-client";
import { testDatabaseKinds } from "../testing";
import { eastbankId, ownerScope, today } from "./test-support";
import { createContract } from "./write";

// The renewal job through the real queue: the hourly sweep queues one draft per due term and the
// draft runs once, on one worker per engine and on two workers sharing one PostgreSQL.

/** A contract whose first term's notice period started a few days ago. */
async function dueContract(): Promise<string> {
  const created = await createContract(await ownerScope(), {
    engagementId: await eastbankId(),
    startsOn: addDays(today(), -340),
    feeMinor: 120_000,
    termMonths: 12,
    noticeDays: 30,
    includes: "",
    clauseIds: [],
    autoRenew: true,
    releaseTagPattern: "v*",
  });
  return created.id;
}

const termCount = (contractId: string) => prisma().maintenanceTerm.count({ where: { contractId } });
const draftEvents = async (contractIds: string[]) =>
  (await prisma().auditEvent.findMany({ where: { action: "maintenance.renewal_drafted" }, select: { after: true } }))
    .map((e) => (e.after as { contractId: string }).contractId)
    .filter((id) => contractIds.includes(id));

describe.each(testDatabaseKinds())("maintenance renewal job on %s", (kind) => {
  const handle = useTestDatabase(kind);
  let runner: JobRunner;
  beforeAll(async () => {
    runner = await JobRunner.start({ connection: queueConnection(handle.db!.database), pollingIntervalSeconds: 0.5 });
  });
  afterAll(() => runner.stop());

  it("drafts the due term when the sweep runs, and a second sweep drafts nothing more", async () => {
    const contractId = await dueContract();
    await runner.enqueue("maintenance-renewal-sweep", {});
    await eventually(async () => (await termCount(contractId)) === 2);
    await runner.enqueue("maintenance-renewal-sweep", {});
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await termCount(contractId)).toBe(2);
    expect(await draftEvents([contractId])).toEqual([contractId]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("maintenance renewal with two workers on one PostgreSQL", () => {
  const handle = useTestDatabase("postgres");
  let workers: JobRunner[];
  beforeAll(async () => {
    // two pg-boss instances, each with its own pool: as two app instances would run
    workers = await Promise.all(
      [0, 1].map(() =>
        JobRunner.start({ connection: queueConnection(handle.db!.database), pollingIntervalSeconds: 0.5 }),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
  });

  it("drafts and issues each due term once", async () => {
    const scope = await ownerScope();
    await prisma().organisation.update({ where: { id: scope.organisationId }, data: { renewalAutoIssue: true } });
    const contracts = [await dueContract(), await dueContract(), await dueContract()];
    // both instances sweep twice, and both queue each draft again
    await Promise.all(workers.map((w) => w.enqueue("maintenance-renewal-sweep", {})));
    await Promise.all(workers.map((w) => w.enqueue("maintenance-renewal-sweep", {})));
    for (const worker of workers)
      for (const contractId of contracts)
        await worker.enqueue(
          "maintenance-renewal-draft",
          { organisationId: scope.organisationId, contractId, index: 2 },
          `${contractId}:2`,
        );
    await eventually(async () => (await Promise.all(contracts.map(termCount))).every((n) => n === 2));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await Promise.all(contracts.map(termCount))).toEqual([2, 2, 2]);
    expect((await draftEvents(contracts)).sort()).toEqual([...contracts].sort());
    const invoiced = await prisma().maintenanceTerm.findMany({
      where: { contractId: { in: contracts }, index: 2 },
      select: { invoiceId: true },
    });
    expect(invoiced.every((t) => t.invoiceId !== null)).toBe(true);
    const lines = await prisma().invoiceLine.count({ where: { description: { startsWith: "Maintenance term 2" } } });
    expect(lines).toBe(3);
  });
});
