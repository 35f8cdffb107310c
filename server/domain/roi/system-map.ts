// The engagement's system map: components, their dependencies, and the money attached to each.
// Laid out by ./system-map-layout.ts (dagre) for the ROI page and the PDF.

export const COMPONENT_KINDS = ["service", "database", "queue", "gateway", "external"] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export interface SystemMapComponent {
  id: string;
  name: string;
  kind: ComponentKind;
  /** the likely cost per quarter of the debt items attached to it that are not fixed */
  costOfDelayPerQuarterMinor: number;
  /** the milestone fees tied to it */
  feesMinor: number;
  debtItemIds: string[];
  slaClauseIds: string[];
  objectiveIds: string[];
}

export interface SystemMapDependency {
  fromId: string;
  toId: string;
  label: string;
}

export interface SystemMapView {
  components: SystemMapComponent[];
  dependencies: SystemMapDependency[];
}
