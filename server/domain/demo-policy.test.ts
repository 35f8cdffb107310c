import { describe, expect, it } from "vitest";
import { demoWanted } from "./demo-policy";

describe("demo data on first start", () => {
  it("loads on the embedded database of a machine being tried out", () => {
    expect(demoWanted({ seedDemo: undefined, nodeEnv: undefined, database: "pglite" })).toBe(true);
    expect(demoWanted({ seedDemo: undefined, nodeEnv: "development", database: "pglite" })).toBe(true);
  });

  it("never loads on PostgreSQL or in production unless SEED_DEMO=true", () => {
    expect(demoWanted({ seedDemo: undefined, nodeEnv: undefined, database: "postgres" })).toBe(false);
    expect(demoWanted({ seedDemo: undefined, nodeEnv: "production", database: "pglite" })).toBe(false);
    expect(demoWanted({ seedDemo: "", nodeEnv: "production", database: "pglite" })).toBe(false);
    expect(demoWanted({ seedDemo: "true", nodeEnv: "production", database: "postgres" })).toBe(true);
  });

  it("stays off when SEED_DEMO says anything but true", () => {
    expect(demoWanted({ seedDemo: "false", nodeEnv: undefined, database: "pglite" })).toBe(false);
    expect(demoWanted({ seedDemo: "yes", nodeEnv: undefined, database: "pglite" })).toBe(false);
  });
});
