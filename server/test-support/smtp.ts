import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server on loopback for delivery tests: it records what it receives, and refuses the
// recipients `refuse` names (a refusal the sender sees as a failed send).

export interface TestSmtp {
  url: string;
  received: { to: string[]; data: string; at: number }[];
  refused: { to: string[]; at: number }[];
  refuse: (to: string) => boolean;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const handle: Omit<TestSmtp, "url" | "close"> = { received: [], refused: [], refuse: () => false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (to.some((address) => handle.refuse(address))) {
          handle.refused.push({ to, at: Date.now() });
          return callback(new Error("mailbox unavailable"));
        }
        handle.received.push({ to, data, at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return Object.assign(handle, { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

/** Polls `check` until it holds or `timeoutMs` passes (background work has no completion signal). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for background work");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
