import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "../auth";
import { createCaller } from "../api/root";
import { errorCodeOf } from "../api/test-support/error-code";
import { loadAuditChain } from "../data/audit/chain";
import { queueConnection } from "../data/jobs/connection";
import {
  attachVerifiedEvidence,
  idOf,
  organisationIdOf,
  outboxFor,
  sessionFor,
  setDeemedAcceptanceSince,
  setMilestoneVerifiedAt,
  testDatabaseKinds,
} from "../data/testing";
import { inviteClientUser } from "../data/invitation/issue";
import { resolveOrgScope } from "../data/scope";
import { useTestDatabase } from "../test-support/database";
import { eventually, startTestSmtp, type TestSmtp } from "../test-support/smtp";
import { JobRunner } from "./runner";

// The queue on both engines: jobs enqueued are handled, failures are retried with backoff and
// shown to the organisation's owner only; and two workers on one PostgreSQL do each thing once.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const OWNER = "owner@northwind.test";
const api = (session: SessionClaims) => createCaller({ session, origin: "https://tollgate.example" });
// quick retries, so the test sees the backoff within seconds
const FAST = { "outbox-deliver": { retryLimit: 2, retryDelay: 1, retryBackoff: true } } as const;

async function invite(email: string): Promise<string> {
  const scope = (await resolveOrgScope((await sessionFor(OWNER)).userId))!;
  await inviteClientUser(
    scope,
    { clientId: await idOf("client", { name: "Eastbank" }), email, role: "viewer" },
    { origin: "https://tollgate.example", smtpConfigured: true },
  );
  return (await outboxFor(email))[0]!.id;
}

/** A verified milestone of the Eastbank engagement whose deemed acceptance fell due a day ago. */
async function dueMilestone(key: string): Promise<string> {
  const owner = api(await sessionFor(OWNER));
  const engagementId = await idOf("engagement", { title: EASTBANK });
  await owner.engagement.portalSettings({ engagementId, hideAmountsFromViewers: false, deemedAcceptanceDays: 5 });
  const id = await idOf("milestone", { title: EASTBANK, key });
  await owner.milestone.transition({ milestoneId: id, action: "start" });
  await owner.milestone.transition({ milestoneId: id, action: "submit" });
  const kinds =
    key === "review"
      ? ["sha256", "manifest-review"]
      : key === "delivery"
        ? ["git-tag", "junit"]
        : ["junit", "lcov", "go-bench"];
  for (const kind of kinds) await attachVerifiedEvidence(OWNER, id, kind, "pass");
  await owner.milestone.transition({ milestoneId: id, action: "verify" });
  await setDeemedAcceptanceSince(engagementId, new Date(Date.now() - 7 * 86_400_000));
  await setMilestoneVerifiedAt(id, new Date(Date.now() - 6 * 86_400_000));
  return id;
}

async function deemedEvents(milestoneId: string) {
  return (await loadAuditChain(await organisationIdOf(OWNER))).filter(
    (e) => e.action === "milestone.deemed_accepted" && e.entityId === milestoneId,
  );
}

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  smtp.refuse = (to) => to.startsWith("refused.");
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

describe.each(testDatabaseKinds())("background jobs on %s", (kind) => {
  const handle = useTestDatabase(kind);
  let runner: JobRunner;
  beforeAll(async () => {
    runner = await JobRunner.start({
      connection: queueConnection(handle.db!.database),
      pollingIntervalSeconds: 0.5,
      queueOverrides: FAST,
    });
  });
  afterAll(() => runner.stop());

  it("handles what is enqueued: the sweep queues each pending message and it is sent once", async () => {
    const email = `queued.${kind}@eastbank.test`;
    await invite(email);
    await runner.enqueue("outbox-sweep", {});
    await eventually(async () => (await outboxFor(email))[0]?.status === "sent");
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it("retries a refused delivery with backoff, then shows the failure to the owner and to no other organisation", async () => {
    const email = `refused.${kind}@eastbank.test`;
    await invite(email);
    await runner.enqueue("outbox-sweep", {});
    const owner = api(await sessionFor(OWNER));
    await eventually(
      async () =>
        (await owner.job.list({ page: 1 })).jobs.some((j) => j.name === "outbox-deliver" && j.state === "failed"),
      30_000,
    );
    const attempts = smtp.refused.filter((r) => r.to.includes(email));
    // three attempts (two retries); each retry waited at least its delay, doubling
    expect(attempts).toHaveLength(3);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(1_900);
    const failed = (await owner.job.list({ page: 1 })).jobs.find(
      (j) => j.name === "outbox-deliver" && j.state === "failed",
    );
    expect(failed).toMatchObject({
      retryCount: 2,
      retryLimit: 2,
      error: expect.stringContaining("mailbox unavailable"),
    });
    expect((await outboxFor(email))[0]).toMatchObject({ status: "failed", attempts: 3 });

    // another organisation's owner sees none of it; a client user is refused
    const contoso = await api(await sessionFor("owner@contoso.test")).job.list({ page: 1 });
    expect(contoso.jobs.some((j) => j.id === failed!.id)).toBe(false);
    expect(await errorCodeOf(api(await sessionFor("approver@eastbank.test")).job.list({ page: 1 }))).toBe("FORBIDDEN");
  });

  it("applies a due deemed acceptance through the scheduled sweep, once", async () => {
    const poc = await dueMilestone("poc");
    await runner.enqueue("deemed-acceptance-sweep", {});
    await eventually(async () => (await deemedEvents(poc)).length > 0);
    await runner.enqueue("deemed-acceptance-sweep", {});
    await eventually(async () =>
      (await api(await sessionFor(OWNER)).job.list({ page: 1 })).jobs.some(
        (j) => j.name === "deemed-acceptance-apply" && j.state === "completed",
      ),
    );
    expect(await deemedEvents(poc)).toHaveLength(1);
  });

  it("pages the owner's jobs newest first", async () => {
    const owner = api(await sessionFor(OWNER));
    const first = await owner.job.list({ page: 1 });
    const times = first.jobs.map((j) => j.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.page).toBe(1);
    expect((await owner.job.list({ page: 500 })).jobs).toEqual([]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("two workers on one PostgreSQL", () => {
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

  it("delivers each outbox message exactly once", async () => {
    const emails = Array.from({ length: 8 }, (_, i) => `twice.${i}@eastbank.test`);
    const ids = [];
    for (const email of emails) ids.push(await invite(email));
    // both instances sweep, and both queue each message again
    await Promise.all(workers.map((w) => w.enqueue("outbox-sweep", {})));
    for (const worker of workers)
      for (const [i, id] of ids.entries())
        await worker.enqueue(
          "outbox-deliver",
          { organisationId: await organisationIdOf(OWNER), messageId: id },
          ids[i],
        );
    await eventually(async () =>
      (await Promise.all(emails.map((e) => outboxFor(e)))).every(([m]) => m?.status === "sent"),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const email of emails)
      expect(
        smtp.received.filter((m) => m.to.includes(email)),
        email,
      ).toHaveLength(1);
  });

  it("applies each due deemed acceptance once, with one audit event per milestone", async () => {
    const milestones = [await dueMilestone("review"), await dueMilestone("poc")];
    await Promise.all(workers.map((w) => w.enqueue("deemed-acceptance-sweep", {})));
    await Promise.all(workers.map((w) => w.enqueue("deemed-acceptance-sweep", {})));
    await eventually(async () =>
      (await Promise.all(milestones.map(deemedEvents))).every((events) => events.length > 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const id of milestones) expect(await deemedEvents(id)).toHaveLength(1);
  });
});
