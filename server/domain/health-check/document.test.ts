import { describe, expect, it } from "vitest";
import { healthCheckDocument } from "./document";

const check = {
  id: "c1",
  engagement: "Eastbank sync",
  baseUrl: "https://sync.eastbank.example",
  at: "2026-11-20T09:30:12.000Z",
  items: [
    { check: "go_version" as const, status: "pass" as const, httpStatus: 404, detail: "go1.21.5", advice: "Go ok" },
    { check: "metrics" as const, status: "warn" as const, httpStatus: null, detail: "HTTP 404", advice: "promhttp" },
  ],
};

describe("the health check document", () => {
  it("words the labels in the reader's language and keeps what was seen as it was", () => {
    const en = healthCheckDocument(check, "en");
    expect(en.title).toBe("First-meeting health check");
    expect(en.facts.map((f) => f.value)).toEqual([
      "Eastbank sync",
      "https://sync.eastbank.example",
      "2026-11-20 09:30 UTC",
    ]);
    expect(en.rows[0]).toEqual({
      check: "Go version",
      status: "pass",
      statusLabel: "Pass",
      httpStatus: "404",
      detail: "go1.21.5",
      advice: "Go ok",
    });
    expect(en.rows[1]!.httpStatus).toBe("—");
    const zh = healthCheckDocument(check, "zh-CN");
    expect(zh.title).toBe("首次会面健康检查");
    expect(zh.rows.map((r) => r.statusLabel)).toEqual(["通过", "警告"]);
    expect(zh.rows[1]!.detail).toBe("HTTP 404");
  });
});
