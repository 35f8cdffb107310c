// Every kind of evidence, written once: how it arrives (a file a verifier reads, a probe the server
// runs, an attestation a party records) and the one gate requirement kind it can satisfy. Uploads,
// the CLI, the gate evaluation, the coverage format choice and the forms all derive from this table.

type EvidenceSource = "file" | "probe" | "attestation";

export const EVIDENCE_KINDS = {
  lcov: { source: "file", satisfies: "coverage" },
  cobertura: { source: "file", satisfies: "coverage" },
  jacoco: { source: "file", satisfies: "coverage" },
  "go-cover": { source: "file", satisfies: "coverage" },
  istanbul: { source: "file", satisfies: "coverage" },
  "go-bench": { source: "file", satisfies: "go-bench" },
  junit: { source: "file", satisfies: "junit" },
  k6: { source: "file", satisfies: "load-test" },
  jmeter: { source: "file", satisfies: "load-test" },
  sha256: { source: "file", satisfies: "sha256" },
  "manifest-review": { source: "file", satisfies: "manifest-review" },
  "git-tag": { source: "probe", satisfies: "git-tag" },
  "http-probe": { source: "probe", satisfies: "http-probe" },
  attestation: { source: "attestation", satisfies: "attestation" },
} as const satisfies Record<string, { source: EvidenceSource; satisfies: string }>;
// (gate.ts checks that every `satisfies` names a requirement kind; the gate depends on this table, not the reverse)

export type EvidenceKind = keyof typeof EVIDENCE_KINDS;
type KindsWhere<Field extends "source" | "satisfies", Value> = {
  [K in EvidenceKind]: (typeof EVIDENCE_KINDS)[K][Field] extends Value ? K : never;
}[EvidenceKind];

const kindsWhere = <Field extends "source" | "satisfies", Value extends string>(field: Field, value: Value) =>
  (Object.keys(EVIDENCE_KINDS) as EvidenceKind[]).filter((kind) => EVIDENCE_KINDS[kind][field] === value) as KindsWhere<
    Field,
    Value
  >[];

/** The files a verifier can read: what the upload route, the CI API and the CLI accept. */
export const FILE_VERIFIER_KINDS = kindsWhere("source", "file") as [
  KindsWhere<"source", "file">,
  ...KindsWhere<"source", "file">[],
];
export type FileVerifierKind = (typeof FILE_VERIFIER_KINDS)[number];

/** The coverage report formats, a coverage requirement may name one. */
export const COVERAGE_FORMATS = kindsWhere("satisfies", "coverage") as [
  KindsWhere<"satisfies", "coverage">,
  ...KindsWhere<"satisfies", "coverage">[],
];

/** The evidence kinds that can satisfy a requirement of this kind. */
export function evidenceKindsFor(requirementKind: string): readonly EvidenceKind[] {
  return (Object.keys(EVIDENCE_KINDS) as EvidenceKind[]).filter(
    (kind) => EVIDENCE_KINDS[kind].satisfies === requirementKind,
  );
}
