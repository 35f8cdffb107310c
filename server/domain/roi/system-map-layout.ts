import dagre from "@dagrejs/dagre";
import type { SystemMapComponent, SystemMapView } from "./system-map";

// Where each component of the system map goes, for the ROI page (SVG) and the PDF (react-pdf Svg):
// dagre ranks the dependencies left to right. A node is two lines: the component's name and the
// money tied to it (cost of delay per quarter and fees); its width is the wider of the two as
// measured, so both drawings size their boxes alike. Components and dependencies are added in id
// order: dagre's result depends on insertion order, and the same map must give the same picture.

/** Width in points of a text at a font size (the PDF passes the documents' font). */
export type LayoutMeasure = (text: string, size: number) => number;

export interface SystemMapLayoutNode {
  id: string;
  /** top-left corner */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SystemMapLayoutEdge {
  fromId: string;
  toId: string;
  /** from the from-node's border to the to-node's border */
  points: { x: number; y: number }[];
}

export interface SystemMapLayout {
  width: number;
  height: number;
  nodes: SystemMapLayoutNode[];
  edges: SystemMapLayoutEdge[];
}

/** The text inside a node: sizes, padding and where each line's baseline-free top sits. */
export const NODE_TEXT = {
  nameSize: 9,
  detailSize: 7,
  paddingX: 8,
  paddingY: 6,
  lineGap: 3,
  minWidth: 96,
  maxWidth: 260,
} as const;

export const NODE_HEIGHT =
  NODE_TEXT.paddingY * 2 + NODE_TEXT.nameSize * 1.2 + NODE_TEXT.lineGap + NODE_TEXT.detailSize * 1.2;

const SPACING = { nodesep: 22, ranksep: 44, edgesep: 12 } as const;

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Without the font: a wide Latin glyph and a full-width CJK one, so boxes err on the large side. */
export const estimateWidth: LayoutMeasure = (text, size) => {
  let ems = 0;
  for (const ch of text) ems += CJK.test(ch) ? 1 : 0.6;
  return ems * size;
};

const grouped = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** Stands in for the caller's own wording when it does not pass one: the figures and a margin for words. */
function defaultDetail(component: SystemMapComponent): string {
  const figure = (minor: number) => grouped.format(Math.round(minor / 100));
  return `CoD ¥${figure(component.costOfDelayPerQuarterMinor)}/quarter · fees ¥${figure(component.feesMinor)}`;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Lays out the map. `detail` gives the second line's text (the PDF passes its localised words);
 * its measured width, like the name's, decides the node's width.
 */
export function layoutSystemMap(
  map: SystemMapView,
  measure: LayoutMeasure = estimateWidth,
  detail: (component: SystemMapComponent) => string = defaultDetail,
): SystemMapLayout {
  const components = [...map.components].sort(byId);
  if (components.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };

  const graph = new dagre.graphlib.Graph<
    Record<string, unknown>,
    { width: number; height: number; x?: number; y?: number }
  >({
    multigraph: false,
  });
  graph.setGraph({ rankdir: "LR", ...SPACING, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const component of components) {
    const textWidth = Math.max(
      measure(component.name, NODE_TEXT.nameSize),
      measure(detail(component), NODE_TEXT.detailSize),
    );
    const width = Math.min(NODE_TEXT.maxWidth, Math.max(NODE_TEXT.minWidth, textWidth + NODE_TEXT.paddingX * 2));
    graph.setNode(component.id, { width: Math.ceil(width), height: NODE_HEIGHT });
  }
  const known = new Set(components.map((c) => c.id));
  const dependencies = map.dependencies
    .filter((d) => known.has(d.fromId) && known.has(d.toId) && d.fromId !== d.toId)
    .sort((a, b) => (a.fromId === b.fromId ? (a.toId < b.toId ? -1 : 1) : a.fromId < b.fromId ? -1 : 1));
  for (const dependency of dependencies) graph.setEdge(dependency.fromId, dependency.toId);

  dagre.layout(graph);

  const nodes = components.map((component): SystemMapLayoutNode => {
    const node = graph.node(component.id);
    return {
      id: component.id,
      x: (node.x ?? 0) - node.width / 2,
      y: (node.y ?? 0) - node.height / 2,
      width: node.width,
      height: node.height,
    };
  });
  const edges = graph.edges().map((edge): SystemMapLayoutEdge => ({
    fromId: edge.v,
    toId: edge.w,
    points: ((graph.edge(edge) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({
      x: p.x,
      y: p.y,
    })),
  }));

  // dagre's own box can leave an edge's bend outside it: the drawing's box holds every shape
  const xs = [...nodes.flatMap((n) => [n.x, n.x + n.width]), ...edges.flatMap((e) => e.points.map((p) => p.x))];
  const ys = [...nodes.flatMap((n) => [n.y, n.y + n.height]), ...edges.flatMap((e) => e.points.map((p) => p.y))];
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  const shift = <T extends { x: number; y: number }>(p: T): T => ({ ...p, x: round(p.x - left), y: round(p.y - top) });
  return {
    width: round(Math.max(...xs) - left),
    height: round(Math.max(...ys) - top),
    nodes: nodes.map(shift),
    edges: edges.map((e) => ({ ...e, points: e.points.map(shift) })),
  };
}
