import type { GateRequirement } from "./gate";
import type { MilestoneKind } from "./milestone";

export interface MilestoneTemplateEntry {
  key: string;
  title: { en: string; "zh-CN": string };
  kind: MilestoneKind;
  shareBp: number;
  requirements: GateRequirement[];
}

/** The default milestones of a new engagement, as consultants run them in the field. */
export const DEFAULT_MILESTONE_TEMPLATE: readonly MilestoneTemplateEntry[] = [
  {
    key: "review",
    title: { en: "Architecture review", "zh-CN": "架构评审" },
    kind: "standard",
    shareBp: 1_500,
    requirements: [
      { kind: "sha256", params: { label: "Signed architecture document (PDF)" } },
      { kind: "manifest-review", params: { manifest: "go.mod" } },
    ],
  },
  {
    key: "poc",
    title: { en: "Proof of concept", "zh-CN": "概念验证" },
    kind: "standard",
    shareBp: 3_000,
    requirements: [
      { kind: "junit", params: { minTests: 1 } },
      { kind: "coverage", params: { metric: "lines", minPct: 85 } },
    ],
  },
  {
    key: "delivery",
    title: { en: "Delivery", "zh-CN": "交付" },
    kind: "standard",
    shareBp: 4_500,
    requirements: [
      { kind: "git-tag", params: { tag: "v1.0.0" } },
      { kind: "junit", params: { minTests: 1 } },
    ],
  },
  {
    key: "upgrade",
    title: { en: "Annual upgrade rights", "zh-CN": "年度升级权" },
    kind: "prepaid",
    shareBp: 1_000,
    // the client attests it can use what it paid for in advance
    requirements: [
      { kind: "attestation", params: { party: "client", statement: "access to the upgrade channel granted" } },
    ],
  },
];
