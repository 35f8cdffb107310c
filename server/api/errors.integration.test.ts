import superjson from "superjson";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installUnreachableDatabase, sessionFor, testDatabaseKinds } from "../data/testing";
import { useTestDatabase } from "../test-support/database";
import { listEngagementsRest } from "./rest/engagements";
import { handleTrpcRequest, MAX_TRPC_BODY_BYTES } from "./trpc-http";
import { INTERNAL_ERROR_MESSAGE } from "./trpc";

// A fault answers with a generic message and is logged in full on the server; what went wrong
// inside (a host, a driver message, a stack) never reaches the caller. And tRPC's own bodies are
// JSON that is counted while it streams.

const LEAKS = /127\.0\.0\.1|ECONNREFUSED|prisma|postgres|stack|at \w+ \(/i;

describe.each(testDatabaseKinds())("errors on %s", (kind) => {
  useTestDatabase(kind);
  afterEach(() => vi.restoreAllMocks());

  it("answers a fault over tRPC and REST with a generic message, logged in full on the server", async () => {
    const session = await sessionFor("owner@northwind.test");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const restore = installUnreachableDatabase();
    try {
      const trpc = await handleTrpcRequest(new Request("http://tollgate.test/api/trpc/engagement.list"), async () => ({
        session,
      }));
      expect(trpc.status).toBe(500);
      const body = JSON.stringify(await trpc.json());
      expect(body).toContain(INTERNAL_ERROR_MESSAGE);
      expect(body).not.toMatch(LEAKS);

      const rest = await listEngagementsRest(session);
      expect(rest.status).toBe(500);
      expect(await rest.json()).toEqual({ error: "INTERNAL_SERVER_ERROR", reasons: [INTERNAL_ERROR_MESSAGE] });
    } finally {
      await restore();
    }
    // the server's log has what the caller was not told
    expect(logged.mock.calls.flat().map(String).join("\n")).toMatch(/127\.0\.0\.1:9|ECONNREFUSED|connect/i);
  });

  it("refuses a tRPC mutation whose body is not JSON (415) or too large while it streams (413), running nothing", async () => {
    const session = await sessionFor("owner@northwind.test");
    const input = JSON.stringify({ json: { locale: "zh-CN" } });
    const notJson = await handleTrpcRequest(
      new Request("http://tollgate.test/api/trpc/me.setLocale", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: input,
      }),
      async () => ({ session }),
    );
    expect(notJson.status).toBe(415);

    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 200) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const tooLarge = await handleTrpcRequest(
      new Request("http://tollgate.test/api/trpc/me.setLocale", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: huge,
        duplex: "half",
      } as RequestInit),
      async () => ({ session }),
    );
    expect(tooLarge.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(Math.ceil(MAX_TRPC_BODY_BYTES / (64 * 1024)) + 2);

    const me = await handleTrpcRequest(new Request("http://tollgate.test/api/trpc/me.get"), async () => ({ session }));
    expect((superjson.deserialize((await me.json()).result.data) as { locale: string | null }).locale).toBeNull();

    const ok = await handleTrpcRequest(
      new Request("http://tollgate.test/api/trpc/me.setLocale", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: input,
      }),
      async () => ({ session }),
    );
    expect(ok.status).toBe(200);
  });
});
