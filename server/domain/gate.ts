import { z } from "zod";
import { COVERAGE_FORMATS, type EVIDENCE_KINDS, type EvidenceKind } from "./evidence/kinds";
import { ZSha256 } from "./schemas";

// Gate requirement kinds and their threshold parameters. Which evidence kinds satisfy each is in
// evidence/kinds.ts; client approval is not a requirement row but a state of the milestone machine.
const ZPercent = z.number().min(0).max(100);

/** Who may record an attestation: the client's approver, or a consultant of the organisation. */
export const ATTESTING_PARTIES = ["client", "consultant"] as const;
export type AttestingParty = (typeof ATTESTING_PARTIES)[number];

export const ZGateRequirement = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("sha256"),
    params: z.strictObject({ label: z.string().min(1).max(200), expectedSha256: ZSha256.optional() }),
  }),
  z.object({
    kind: z.literal("manifest-review"),
    params: z.strictObject({ manifest: z.string().min(1).max(200) }),
  }),
  z.object({
    kind: z.literal("junit"),
    params: z.strictObject({ minTests: z.number().int().min(0).default(1) }),
  }),
  z.object({
    kind: z.literal("coverage"),
    params: z.strictObject({
      format: z.enum(COVERAGE_FORMATS).optional(),
      metric: z.enum(["lines", "branches", "functions", "statements", "instructions"]).default("lines"),
      minPct: ZPercent,
    }),
  }),
  z.object({
    kind: z.literal("go-bench"),
    params: z.strictObject({
      // matched with or without the "Benchmark" prefix; a -GOMAXPROCS suffix is ignored
      benchmark: z.string().trim().min(1).max(200),
      // ceilings on the named benchmark's medians
      maxNsPerOp: z.number().positive().optional(),
      maxBytesPerOp: z.number().min(0).optional(),
      maxAllocsPerOp: z.number().min(0).optional(),
      // against the engagement's newest go-bench evidence marked as baseline (Mann-Whitney U, p < 0.05)
      compareToBaseline: z.boolean().default(false),
      // a significant slowdown up to this many percent passes; absent or 0: any significant slowdown fails
      maxSlowdownPct: z.number().min(0).max(10_000).optional(),
    }),
  }),
  z.object({
    kind: z.literal("load-test"),
    params: z.strictObject({
      percentile: z.enum(["p50", "p95", "p99"]),
      maxMs: z.number().positive(),
      maxErrorPct: ZPercent.optional(),
    }),
  }),
  z.object({
    kind: z.literal("git-tag"),
    params: z.strictObject({
      // set per engagement; a gate without it cannot pass
      repositoryUrl: z.string().min(1).max(500).optional(),
      tag: z.string().min(1).max(200),
      expectedCommit: z
        .string()
        .regex(/^[0-9a-f]{7,40}$/)
        .optional(),
    }),
  }),
  z.object({
    kind: z.literal("http-probe"),
    params: z.strictObject({ baseUrl: z.string().url() }),
  }),
  z.object({
    kind: z.literal("attestation"),
    // who must attest (the client's approver, or a consultant) and the exact words they attest
    params: z.strictObject({
      party: z.enum(ATTESTING_PARTIES).default("client"),
      statement: z.string().trim().min(1).max(500),
    }),
  }),
]);
export type GateRequirement = z.infer<typeof ZGateRequirement>;
export type GateRequirementKind = GateRequirement["kind"];

/** Compile-time: every evidence kind names a requirement kind it can satisfy. */
export type EvidenceSatisfiesARequirement =
  (typeof EVIDENCE_KINDS)[EvidenceKind]["satisfies"] extends GateRequirementKind ? true : never;
const everyEvidenceKindSatisfiesARequirement: EvidenceSatisfiesARequirement = true;
void everyEvidenceKindSatisfiesARequirement;

export const GATE_REQUIREMENT_KINDS = ZGateRequirement.options.map((option) => option.shape.kind.value);

/** A new requirement of a kind with sensible starting parameters, for editors. */
export function defaultRequirement(kind: GateRequirementKind): GateRequirement {
  switch (kind) {
    case "sha256":
      return { kind, params: { label: "Signed document (PDF)" } };
    case "manifest-review":
      return { kind, params: { manifest: "go.mod" } };
    case "junit":
      return { kind, params: { minTests: 1 } };
    case "coverage":
      return { kind, params: { metric: "lines", minPct: 85 } };
    case "go-bench":
      return { kind, params: { benchmark: "Benchmark", compareToBaseline: false, maxSlowdownPct: 0 } };
    case "load-test":
      return { kind, params: { percentile: "p99", maxMs: 800 } };
    case "git-tag":
      return { kind, params: { tag: "v1.0.0" } };
    case "http-probe":
      return { kind, params: { baseUrl: "https://" } };
    case "attestation":
      return { kind, params: { party: "client", statement: "access to the upgrade channel granted" } };
  }
}
