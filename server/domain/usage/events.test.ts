import { describe, expect, it } from "vitest";
import { checkUsageBatch, type MeterForIngest } from "./events";

const now = Date.parse("2026-12-10T00:00:00Z");
const meters: MeterForIngest[] = [
  { id: "m1", meter: "llm_tokens", timezone: "Asia/Shanghai", activeFromMs: Date.parse("2026-09-01T00:00:00Z") },
];
const event = (overrides: Record<string, unknown> = {}) => ({
  meter: "llm_tokens",
  quantity: 1200,
  at: "2026-12-05T08:00:00Z",
  tenant: "acme",
  idempotencyKey: "k1",
  ...overrides,
});

describe("checkUsageBatch", () => {
  it("accepts good events in any order with their period in the meter's zone", () => {
    const result = checkUsageBatch(
      [event(), event({ idempotencyKey: "k2", at: "2026-11-30T17:00:00Z", tenant: undefined })],
      meters,
      Date.parse("2026-12-01T00:00:00Z"),
    );
    expect(result).toEqual({
      ok: true,
      events: [
        {
          meterId: "m1",
          idempotencyKey: "k1",
          atMs: Date.parse("2026-12-05T08:00:00Z"),
          quantity: 1200,
          tenant: "acme",
          period: "2026-12",
        },
        {
          meterId: "m1",
          idempotencyKey: "k2",
          atMs: Date.parse("2026-11-30T17:00:00Z"),
          quantity: 1200,
          tenant: "",
          period: "2026-12",
        },
      ],
      replays: 0,
    });
  });

  it.each([
    [{ meter: "gpu_seconds" }, 'unknown meter "gpu_seconds"'],
    [{ quantity: -1 }, "quantity: zero or more"],
    [{ quantity: 1.5 }, "quantity: a whole number"],
    [{ at: "yesterday" }, "at: an ISO 8601 time"],
    [{ at: "2027-01-20T00:00:00Z" }, "more than 35 days ahead"],
    [{ at: "2026-08-31T00:00:00Z" }, "before meter"],
    [{ at: "2026-10-15T00:00:00Z" }, 'period 2026-10 of meter "llm_tokens" closed at 2026-11-02T16:00:00.000Z'],
    [{ idempotencyKey: "" }, "idempotencyKey: required"],
    [{ extra: 1 }, "extra"],
  ])("names the first bad event by its index (%o)", (overrides, reason) => {
    const result = checkUsageBatch(
      [event(), event({ idempotencyKey: "k2" }), event({ idempotencyKey: "k3", ...overrides })],
      meters,
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.index).toBe(2);
    expect(result.reasons[0]).toContain("events[2]");
    expect(result.reasons[0]).toContain(reason);
  });

  it("answers a key stored before as a replay, even when its period has closed since", () => {
    const late = event({ idempotencyKey: "sent-in-october", at: "2026-10-15T00:00:00Z" });
    expect(checkUsageBatch([late, event()], meters, now, new Set(["sent-in-october"]))).toMatchObject({
      ok: true,
      replays: 1,
      events: [{ idempotencyKey: "k1" }],
    });
    expect(checkUsageBatch([late], meters, now).ok).toBe(false);
  });

  it("refuses a blank tenant rather than merging it with no tenant", () => {
    expect(checkUsageBatch([event({ tenant: "   " })], meters, now)).toMatchObject({
      ok: false,
      index: 0,
      reasons: ["events[0]: tenant: must not be blank (leave it out for no tenant)"],
    });
  });
});
