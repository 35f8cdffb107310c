import { describe, expect, it } from "vitest";
import { MILESTONE_STATES } from "../domain/milestone";
import { REQUESTED_ACTIONS } from "../domain/milestone-machine";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

describe("message catalogs", () => {
  it("translate every key into Simplified Chinese", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it("keep the same placeholders in both languages", () => {
    const lookup = (catalog: unknown, path: string) =>
      path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog);
    for (const key of keys(en)) {
      expect(placeholders(String(lookup(zhCN, key))), key).toEqual(placeholders(String(lookup(en, key))));
    }
  });

  it("name every milestone action a user can be offered, and every state", () => {
    for (const catalog of [en, zhCN]) {
      for (const action of REQUESTED_ACTIONS) expect(catalog.actions[action], action).toEqual(expect.any(String));
      for (const state of MILESTONE_STATES) expect(catalog.milestoneState[state], state).toEqual(expect.any(String));
    }
  });
});
