import { describe, expect, it } from "vitest";
import { organisationCount } from "../data/database/setup";
import { sessionFor, testDatabaseKinds } from "../data/testing";
import { useTestDatabase } from "../test-support/database";
import { createCaller } from "./root";
import { isSetupOpen, setupRequest } from "./setup";
import { signIn } from "./sign-in";

// /setup on an installation without any organisation: the first organisation and its owner, once.

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  setupRequest(new Request("http://tollgate.test/api/setup", { method: "POST", headers, body: JSON.stringify(body) }));

const FIRST = {
  organisation: "Atlas Engineering",
  name: "Ada Atlas",
  email: "Ada@Atlas.test",
  password: "a long first password",
};

describe.each(testDatabaseKinds())("first setup on %s", (kind) => {
  useTestDatabase(kind, { seed: false });

  it("refuses bad input clearly and creates nothing", async () => {
    expect(await isSetupOpen()).toBe(true);
    expect((await post(FIRST, { "content-type": "text/plain" })).status).toBe(415);
    const weak = await post({ ...FIRST, password: "short" });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toEqual({ error: "BAD_REQUEST", reasons: ["password: at least 10 characters"] });
    expect((await post({ ...FIRST, role: "owner" })).status).toBe(400);
    expect(await organisationCount()).toBe(0);
  });

  it(
    "creates the first organisation and its owner once, even when asked twice at the same moment, then closes for " +
      "good",
    async () => {
      const answers = await Promise.all([
        post(FIRST),
        post({ ...FIRST, organisation: "Rival Org", email: "rival@atlas.test" }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 404]);
      expect(await organisationCount()).toBe(1);
      expect(await isSetupOpen()).toBe(false);

      const owner = await sessionFor("ada@atlas.test").catch(() => sessionFor("rival@atlas.test"));
      expect(owner.role).toBe("owner");
      expect((await createCaller({ session: owner }).me.get()).organisationName).toMatch(/Atlas Engineering|Rival Org/);

      const later = await post({ ...FIRST, organisation: "Too Late", email: "late@atlas.test" });
      expect(later.status).toBe(404);
      expect(await later.json()).toMatchObject({ error: "NOT_FOUND" });
      expect(await organisationCount()).toBe(1);
      expect(await signIn({ email: "late@atlas.test", password: FIRST.password }, "203.0.113.50")).toEqual({
        ok: false,
        reason: "invalid",
      });
    },
  );
});
