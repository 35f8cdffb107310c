import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { forEachLine, type ByteSource } from "./stream";
import type { VerifierResult } from "./verdict";

// A dependency manifest attached for review (go.mod or package.json): read, counted and named,
// so the gate records which manifest the consultant reviewed. It passes when it is a readable
// manifest of the kind the gate names; the review itself is the consultant's.

export interface ManifestSummary {
  manifest: "go.mod" | "package.json";
  module: string;
  dependencies: number;
  indirect: number;
}

const MAX_JSON_BYTES = 4 * 1024 * 1024;

export async function parseManifest(source: ByteSource, limits: EvidenceLimits): Promise<ManifestSummary> {
  const lines: string[] = [];
  let size = 0;
  await forEachLine(source, limits, (text) => {
    size += text.length + 1;
    if (size > MAX_JSON_BYTES)
      throw new EvidenceInputError("TOO_LARGE", `a manifest larger than ${MAX_JSON_BYTES} bytes is not a manifest`);
    lines.push(text);
  });
  const text = lines.join("\n");
  if (text.trimStart().startsWith("{")) return packageJson(text);
  return goMod(lines);
}

function packageJson(text: string): ManifestSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EvidenceInputError("MALFORMED", "not valid JSON: this is not a package.json");
  }
  const pkg = value as { name?: unknown; dependencies?: unknown; devDependencies?: unknown };
  const count = (deps: unknown) => (deps && typeof deps === "object" ? Object.keys(deps).length : 0);
  if (typeof pkg.name !== "string" && pkg.dependencies === undefined)
    throw new EvidenceInputError("MALFORMED", "a package.json names the package or its dependencies");
  return {
    manifest: "package.json",
    module: typeof pkg.name === "string" ? pkg.name : "",
    dependencies: count(pkg.dependencies),
    indirect: count(pkg.devDependencies),
  };
}

function goMod(lines: string[]): ManifestSummary {
  let module = "";
  let dependencies = 0;
  let indirect = 0;
  let inRequire = false;
  const requirement = (entry: string, number: number) => {
    if (!/^\S+\s+v\S+/.test(entry))
      throw new EvidenceInputError("MALFORMED", `"${entry}" is not "module version"`, number);
    if (/\/\/\s*indirect/.test(entry)) indirect += 1;
    else dependencies += 1;
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (line === "" || line.startsWith("//")) return;
    if (inRequire) {
      if (line === ")") inRequire = false;
      else requirement(line, number);
      return;
    }
    const [keyword, ...rest] = line.split(/\s+/);
    if (keyword === "module") module = rest.join(" ").replace(/^"|"$/g, "");
    else if (keyword === "require") {
      if (rest[0] === "(") inRequire = true;
      else requirement(rest.join(" "), number);
    } else if (
      !["go", "toolchain", "replace", "exclude", "retract", "godebug", ")", "("].includes(keyword ?? "") &&
      !/^\S+\s+(=>|v)/.test(line)
    ) {
      throw new EvidenceInputError("MALFORMED", `unknown go.mod directive "${keyword}"`, number);
    }
  });
  if (!module) throw new EvidenceInputError("MALFORMED", 'no "module" line: this is not a go.mod');
  if (inRequire) throw new EvidenceInputError("TRUNCATED", "the require block is not closed");
  return { manifest: "go.mod", module, dependencies, indirect };
}

export function judgeManifest(summary: ManifestSummary, expected: string | undefined): VerifierResult {
  const reasons =
    expected && expected !== summary.manifest ? [`the gate asks for ${expected}, this is a ${summary.manifest}`] : [];
  return { kind: "manifest-review", verdict: reasons.length ? "fail" : "pass", metrics: { ...summary }, reasons };
}
