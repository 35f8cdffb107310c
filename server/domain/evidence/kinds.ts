// The evidence files a verifier can read; shared by forms, the CLI and the upload route.
export const FILE_VERIFIER_KINDS = ["lcov", "cobertura", "jacoco", "go-cover", "istanbul", "go-bench", "junit", "k6", "jmeter", "sha256", "manifest-review"] as const;
export type FileVerifierKind = (typeof FILE_VERIFIER_KINDS)[number];
