import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EvidenceInputError } from "./errors";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";

const GO_MOD = `module git.eastbank.test/chain/sync

go 1.22

require (
\tgithub.com/jackc/pgx/v5 v5.6.0
\tgolang.org/x/crypto v0.24.0
\tgolang.org/x/text v0.16.0 // indirect
)

require github.com/stretchr/testify v1.9.0

replace golang.org/x/crypto => golang.org/x/crypto v0.25.0
`;

async function refusal(text: string): Promise<EvidenceInputError> {
  const error = await verifyFile({ kind: "manifest-review", file: bytesOf(text, 9) }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceInputError);
  return error as EvidenceInputError;
}

describe("manifest review", () => {
  it("reads a go.mod: module, direct and indirect requirements", async () => {
    const result = await verifyFile({ kind: "manifest-review", file: bytesOf(GO_MOD, 11), expectedManifest: "go.mod" });
    expect(result).toEqual({
      kind: "manifest-review",
      verdict: "pass",
      reasons: [],
      metrics: { manifest: "go.mod", module: "git.eastbank.test/chain/sync", dependencies: 3, indirect: 1 },
    });
  });

  it("reads this project's own package.json, and fails a manifest of another kind than the gate names", async () => {
    const text = readFileSync(path.resolve(import.meta.dirname, "../../../package.json"), "utf8");
    const pkg = JSON.parse(text) as { dependencies: object; devDependencies: object };
    const result = await verifyFile({ kind: "manifest-review", file: bytesOf(text), expectedManifest: "go.mod" });
    expect(result.metrics).toEqual({
      manifest: "package.json",
      module: "tollgate",
      dependencies: Object.keys(pkg.dependencies).length,
      indirect: Object.keys(pkg.devDependencies).length,
    });
    expect(result).toMatchObject({ verdict: "fail", reasons: ["the gate asks for go.mod, this is a package.json"] });
  });

  it("refuses what is not a manifest, naming the line", async () => {
    expect((await refusal("hello world\n")).message).toContain('unknown go.mod directive "hello"');
    expect((await refusal("go 1.22\n")).message).toContain('no "module" line');
    expect(await refusal("module x\nrequire (\n\tgithub.com/a/b\n)\n")).toMatchObject({ code: "MALFORMED", line: 3 });
    expect((await refusal("module x\nrequire (\n\tgithub.com/a/b v1.0.0\n")).code).toBe("TRUNCATED");
    expect((await refusal('{"nam": 1')).message).toContain("not valid JSON");
  });
});
