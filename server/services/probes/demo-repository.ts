import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { dataDir } from "../../env";

// The demo's client repository, so a newcomer can walk delivery to paid on a machine without
// internet: a real bare git repository under DATA_DIR/demo-repositories, with a tagged release.
// The git-tag check reads file repositories under that folder and nowhere else (git-tag.ts).

export function demoRepositoriesRoot(): string {
  return path.join(dataDir(), "demo-repositories");
}

export function demoRepositoryUrl(name: string): string {
  return pathToFileURL(path.join(demoRepositoriesRoot(), `${name}.git`)).href;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: "Eastbank Chain Team",
  GIT_AUTHOR_EMAIL: "chain@eastbank.test",
  GIT_COMMITTER_NAME: "Eastbank Chain Team",
  GIT_COMMITTER_EMAIL: "chain@eastbank.test",
};

function git(cwd: string, args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args],
    {
      cwd,
      encoding: "utf8",
      // no user or system configuration: the same repository on every machine
      env: {
        PATH: process.env.PATH,
        HOME: cwd,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_TERMINAL_PROMPT: "0",
        ...IDENTITY,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  ).trim();
}

/**
 * Creates the repository with its files and annotated tags if it is not there yet; answers its
 * URL and the tagged commit, or null when git is not installed (the delivery gate then says so).
 */
export function ensureDemoRepository(
  name: string,
  files: Record<string, string>,
  tags: readonly string[],
): { url: string; commit: string } | null {
  const bare = path.join(demoRepositoriesRoot(), `${name}.git`);
  try {
    if (!existsSync(bare)) {
      mkdirSync(demoRepositoriesRoot(), { recursive: true });
      const work = mkdtempSync(path.join(tmpdir(), "tollgate-demo-repo-"));
      try {
        git(work, ["init", "-q"]);
        for (const [file, content] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
          writeFileSync(path.join(work, file), content);
        }
        git(work, ["add", "-A"]);
        git(work, ["commit", "-q", "-m", "Release candidate for the private deployment"]);
        for (const tag of tags) git(work, ["tag", "-a", tag, "-m", `Release ${tag}`]);
        git(demoRepositoriesRoot(), ["clone", "-q", "--bare", work, bare]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    return { url: demoRepositoryUrl(name), commit: git(bare, ["rev-parse", "HEAD"]) };
  } catch (error) {
    console.warn(
      `[demo] the demo repository could not be made (is git installed?): ${(error as Error).message.split("\n")[0]}`,
    );
    return null;
  }
}
