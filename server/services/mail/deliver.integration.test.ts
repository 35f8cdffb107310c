import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { inviteClientUser } from "../../data/invitation/issue";
import { resolveOrgScope } from "../../data/scope";
import { createTestDatabase, idOf, outboxFor, seedForTests, sessionFor, type TestDatabase } from "../../data/testing";
import { startTestSmtp, type TestSmtp } from "../../test-support/smtp";
import { deliverMessage } from "./deliver";

// Delivery over a real SMTP conversation: a local SMTP server receives what the outbox sends.
// The delivery job calls deliverMessage once per attempt (server/jobs/handlers/outbox.ts).

describe("outbox delivery over SMTP", () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let refuseOnce = false;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    await seedForTests(DEMO_ORGANISATIONS);
    smtp = await startTestSmtp();
    smtp.refuse = () => {
      const refuse = refuseOnce;
      refuseOnce = false;
      return refuse;
    };
    process.env.SMTP_URL = smtp.url;
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp.close();
    await db.drop();
  });

  async function invite(email: string) {
    const scope = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const clientId = await idOf("client", { name: "Eastbank" });
    return inviteClientUser(
      scope,
      { clientId, email, role: "viewer" },
      { origin: "https://tollgate.example", smtpConfigured: true },
    );
  }

  it("sends a pending message and marks it sent; sending it again does nothing", async () => {
    const { link } = await invite("smtp.one@eastbank.test");
    const [waiting] = await outboxFor("smtp.one@eastbank.test");
    // the stored copy withholds the link; it waits for SMTP sealed, never readable
    expect(waiting).toMatchObject({ status: "pending" });
    expect(waiting!.body).not.toContain(link);
    expect(waiting!.sealed).toBeTruthy();
    expect(waiting!.sealed).not.toContain(link.slice(-43));
    expect(await deliverMessage(waiting!.id, false)).toBe("sent");
    expect(smtp.received.at(-1)?.to).toEqual(["smtp.one@eastbank.test"]);
    // the email itself carries the link (quoted-printable may wrap it: compare without soft breaks)
    expect(smtp.received.at(-1)?.data.replace(/=\r?\n/g, "")).toContain(link);
    const [sent] = await outboxFor("smtp.one@eastbank.test");
    expect(sent).toMatchObject({ status: "sent", attempts: 1, sealed: null });
    expect(sent!.body).not.toContain(link);
    // a retry of a job whose message went out
    const count = smtp.received.length;
    expect(await deliverMessage(waiting!.id, false)).toBe("skipped");
    expect(smtp.received).toHaveLength(count);
  });

  it("keeps a refused message pending with its error for the retry, and sends it on the retry", async () => {
    await invite("smtp.two@eastbank.test");
    const [message] = await outboxFor("smtp.two@eastbank.test");
    refuseOnce = true;
    await expect(deliverMessage(message!.id, false)).rejects.toThrow(/mailbox unavailable/);
    const [failed] = await outboxFor("smtp.two@eastbank.test");
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed?.error).toContain("mailbox unavailable");
    expect(await deliverMessage(message!.id, false)).toBe("sent");
    expect((await outboxFor("smtp.two@eastbank.test"))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("marks a message failed when its last attempt is refused", async () => {
    await invite("smtp.three@eastbank.test");
    const [message] = await outboxFor("smtp.three@eastbank.test");
    refuseOnce = true;
    await expect(deliverMessage(message!.id, true)).rejects.toThrow(/mailbox unavailable/);
    expect((await outboxFor("smtp.three@eastbank.test"))[0]).toMatchObject({
      status: "failed",
      attempts: 1,
      sealed: null,
    });
    expect(await deliverMessage(message!.id, false)).toBe("skipped");
  });

  it("sends a message once when two workers claim it at the same moment", async () => {
    await invite("smtp.four@eastbank.test");
    const [message] = await outboxFor("smtp.four@eastbank.test");
    const outcomes = await Promise.all([deliverMessage(message!.id, false), deliverMessage(message!.id, false)]);
    expect(outcomes.sort()).toEqual(["sent", "skipped"]);
    expect(smtp.received.filter((m) => m.to.includes("smtp.four@eastbank.test"))).toHaveLength(1);
  });
});
