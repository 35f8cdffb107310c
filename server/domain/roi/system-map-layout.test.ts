import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SystemMapComponent, SystemMapView } from "./system-map";
import { estimateWidth, layoutSystemMap, NODE_HEIGHT, NODE_TEXT, type SystemMapLayout } from "./system-map-layout";

const component = (id: string, name = id, costOfDelayPerQuarterMinor = 0, feesMinor = 0): SystemMapComponent => ({
  id,
  name,
  kind: "service",
  costOfDelayPerQuarterMinor,
  feesMinor,
  debtItemIds: [],
  slaClauseIds: [],
  objectiveIds: [],
});

const bankSync: SystemMapView = {
  components: [
    component("c-gateway", "JSON-RPC gateway", 420_000_000, 36_000_000),
    component("c-fetcher", "Block fetcher", 86_500_000, 72_000_000),
    component("c-ledger", "Ledger database"),
    component("c-queue", "Retry queue"),
    component("c-core", "核心银行系统"),
  ],
  dependencies: [
    { fromId: "c-fetcher", toId: "c-gateway", label: "JSON-RPC" },
    { fromId: "c-fetcher", toId: "c-queue", label: "retries" },
    { fromId: "c-queue", toId: "c-ledger", label: "" },
    { fromId: "c-fetcher", toId: "c-ledger", label: "writes" },
    { fromId: "c-ledger", toId: "c-core", label: "" },
  ],
};

const EPS = 0.011;

function inside(point: { x: number; y: number }, box: { x: number; y: number; width: number; height: number }) {
  return (
    point.x >= box.x - 0.5 &&
    point.x <= box.x + box.width + 0.5 &&
    point.y >= box.y - 0.5 &&
    point.y <= box.y + box.height + 0.5
  );
}

function expectSound(map: SystemMapView, layout: SystemMapLayout) {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  expect(layout.nodes.map((n) => n.id).sort()).toEqual(map.components.map((c) => c.id).sort());
  for (const node of layout.nodes) {
    expect(node.x).toBeGreaterThanOrEqual(-EPS);
    expect(node.y).toBeGreaterThanOrEqual(-EPS);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width + EPS);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height + EPS);
  }
  for (const [i, a] of layout.nodes.entries())
    for (const b of layout.nodes.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x + EPS ||
        b.x + b.width <= a.x + EPS ||
        a.y + a.height <= b.y + EPS ||
        b.y + b.height <= a.y + EPS;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  for (const edge of layout.edges) {
    expect(edge.points.length).toBeGreaterThanOrEqual(2);
    expect(inside(edge.points[0]!, byId.get(edge.fromId)!), `${edge.fromId} -> ${edge.toId} start`).toBe(true);
    expect(inside(edge.points.at(-1)!, byId.get(edge.toId)!), `${edge.fromId} -> ${edge.toId} end`).toBe(true);
    for (const p of edge.points) {
      expect(p.x).toBeGreaterThanOrEqual(-EPS);
      expect(p.x).toBeLessThanOrEqual(layout.width + EPS);
      expect(p.y).toBeGreaterThanOrEqual(-EPS);
      expect(p.y).toBeLessThanOrEqual(layout.height + EPS);
    }
  }
}

describe("layoutSystemMap", () => {
  it("lays an empty map out as nothing, 0 x 0", () => {
    expect(layoutSystemMap({ components: [], dependencies: [] })).toEqual({
      width: 0,
      height: 0,
      nodes: [],
      edges: [],
    });
  });

  it("places every node inside the drawing, none overlapping, edges from their from-node to their to-node", () => {
    const layout = layoutSystemMap(bankSync);
    expectSound(bankSync, layout);
    expect(layout.edges).toHaveLength(5);
  });

  it("ranks dependencies left to right", () => {
    const layout = layoutSystemMap(bankSync);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x("c-fetcher")).toBeLessThan(x("c-gateway"));
    expect(x("c-queue")).toBeLessThan(x("c-ledger"));
    expect(x("c-ledger")).toBeLessThan(x("c-core"));
  });

  it("gives the same coordinates whatever order the map lists its parts in", () => {
    const shuffled: SystemMapView = {
      components: [...bankSync.components].reverse(),
      dependencies: [...bankSync.dependencies].reverse(),
    };
    expect(layoutSystemMap(shuffled)).toEqual(layoutSystemMap(bankSync));
  });

  it("sizes a node to the wider of its measured name and money line", () => {
    const layout = layoutSystemMap(bankSync, estimateWidth, (c) => (c.id === "c-core" ? "x".repeat(40) : ""));
    const core = layout.nodes.find((n) => n.id === "c-core")!;
    expect(core.width).toBe(Math.ceil(estimateWidth("x".repeat(40), NODE_TEXT.detailSize) + 2 * NODE_TEXT.paddingX));
    const queue = layout.nodes.find((n) => n.id === "c-queue")!;
    expect(queue.width).toBe(NODE_TEXT.minWidth);
    expect(core.height).toBe(NODE_HEIGHT);
    const long = layoutSystemMap({ components: [component("a", "n".repeat(500))], dependencies: [] });
    expect(long.nodes[0]!.width).toBe(NODE_TEXT.maxWidth);
  });

  it("ignores dependencies on unknown components and on the component itself", () => {
    const layout = layoutSystemMap({
      components: [component("a"), component("b")],
      dependencies: [
        { fromId: "a", toId: "b", label: "" },
        { fromId: "a", toId: "a", label: "" },
        { fromId: "a", toId: "gone", label: "" },
      ],
    });
    expect(layout.edges.map((e) => [e.fromId, e.toId])).toEqual([["a", "b"]]);
  });

  it("stays sound on random maps, cycles included", () => {
    const maps = fc
      .integer({ min: 1, max: 9 })
      .chain((count) =>
        fc.record({
          names: fc.array(fc.string({ maxLength: 30 }), { minLength: count, maxLength: count }),
          links: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 14 }),
        }),
      )
      .map(({ names, links }): SystemMapView => ({
        components: names.map((name, i) => component(`c${i}`, name, i * 1_000_000, 0)),
        dependencies: links.map(([from, to]) => ({ fromId: `c${from}`, toId: `c${to}`, label: "" })),
      }));
    fc.assert(
      fc.property(maps, (map) => {
        const layout = layoutSystemMap(map);
        expectSound(map, layout);
        const pairs = new Set(map.dependencies.filter((d) => d.fromId !== d.toId).map((d) => `${d.fromId}>${d.toId}`));
        expect(layout.edges).toHaveLength(pairs.size);
      }),
      { numRuns: 150 },
    );
  });
});
