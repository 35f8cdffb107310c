import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { inviteClientUser } from "../data/invitations";
import { resolveOrgScope } from "../data/scope";
import { createTestDatabase, idOf, outboxFor, seedForTests, sessionFor, type TestDatabase } from "../data/testing";
import { deliverOutbox } from "./deliver";

// Delivery over a real SMTP conversation: a local SMTP server receives what the outbox sends.

describe("outbox delivery over SMTP", () => {
  let db: TestDatabase;
  let server: SMTPServer;
  const received: { to: string[]; data: string }[] = [];
  let rejectNext = false;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    await seedForTests(DEMO_ORGANISATIONS);
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          if (rejectNext) {
            rejectNext = false;
            return callback(new Error("mailbox unavailable"));
          }
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.drop();
  });

  it("sends pending messages and marks them sent; a refused one stays visible with its error", async () => {
    const scope = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const clientId = await idOf("client", { name: "Eastbank" });
    const { link } = await inviteClientUser(scope, { clientId, email: "smtp.one@eastbank.test", role: "viewer" }, { origin: "https://tollgate.example", smtpConfigured: true });
    const [waiting] = await outboxFor("smtp.one@eastbank.test");
    // the stored copy withholds the link; it waits for SMTP sealed, never readable
    expect(waiting).toMatchObject({ status: "pending" });
    expect(waiting!.body).not.toContain(link);
    expect(waiting!.sealed).toBeTruthy();
    expect(waiting!.sealed).not.toContain(link.slice(-43));
    await deliverOutbox();
    expect(received.at(-1)?.to).toEqual(["smtp.one@eastbank.test"]);
    // the email itself carries the link (quoted-printable may wrap it: compare without soft breaks)
    expect(received.at(-1)?.data.replace(/=\r?\n/g, "")).toContain(link);
    const [sent] = await outboxFor("smtp.one@eastbank.test");
    expect(sent).toMatchObject({ status: "sent", attempts: 1, sealed: null });
    expect(sent!.body).not.toContain(link);

    rejectNext = true;
    await inviteClientUser(scope, { clientId, email: "smtp.two@eastbank.test", role: "viewer" }, { origin: "https://tollgate.example", smtpConfigured: true });
    await deliverOutbox();
    const [failed] = await outboxFor("smtp.two@eastbank.test");
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed?.error).toContain("mailbox unavailable");
    await deliverOutbox();
    expect((await outboxFor("smtp.two@eastbank.test"))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});
