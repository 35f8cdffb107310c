import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkGitTag, pinnedGitSettings } from "./git-tag";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@t",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@t",
    },
  }).trim();

describe("git-tag verifier against a real repository", () => {
  let url: string;
  let commit: string;
  const local = { allowLocal: true, timeoutMs: 10_000 };

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tollgate-git-"));
    git(dir, "init", "-q", "work");
    const work = path.join(dir, "work");
    git(work, "commit", "-q", "--allow-empty", "-m", "first");
    commit = git(work, "rev-parse", "HEAD");
    git(work, "tag", "-a", "v1.0.0", "-m", "release");
    git(work, "tag", "light");
    git(dir, "clone", "-q", "--bare", "work", "repo.git");
    url = `file://${path.join(dir, "repo.git")}`;
  });

  it("finds an annotated tag and the commit it points to", async () => {
    expect(
      await checkGitTag({ repositoryUrl: url, tag: "v1.0.0", expectedCommit: commit.slice(0, 10) }, local),
    ).toEqual({
      kind: "git-tag",
      verdict: "pass",
      metrics: { repositoryUrl: url, tag: "v1.0.0", commit },
      reasons: [],
    });
    expect((await checkGitTag({ repositoryUrl: url, tag: "light" }, local)).metrics).toMatchObject({ commit });
  });

  it("says when the tag is missing or points elsewhere", async () => {
    expect((await checkGitTag({ repositoryUrl: url, tag: "v2.0.0" }, local)).reasons).toEqual([
      `tag v2.0.0 not found in ${url}`,
    ]);
    expect(
      (await checkGitTag({ repositoryUrl: url, tag: "v1.0.0", expectedCommit: "deadbeef" }, local)).reasons[0],
    ).toMatch(/points to .*, not deadbeef/);
  });

  it("refuses local repositories, loopback hosts and hostile arguments unless allowed", async () => {
    const strict = { allowLocal: false, timeoutMs: 10_000 };
    expect((await checkGitTag({ repositoryUrl: url, tag: "v1.0.0" }, strict)).reasons[0]).toContain(
      "TOLLGATE_ALLOW_LOCAL_NETWORK",
    );
    expect(
      (await checkGitTag({ repositoryUrl: "https://localhost/repo.git", tag: "v1.0.0" }, strict)).reasons[0],
    ).toMatch(/non-public address/);
    expect(
      (await checkGitTag({ repositoryUrl: "https://2130706433/repo.git", tag: "v1.0.0" }, strict)).reasons[0],
    ).toMatch(/non-public address/);
    expect((await checkGitTag({ repositoryUrl: url, tag: "--upload-pack=touch" }, local)).reasons[0]).toMatch(
      /not a valid tag name/,
    );
    expect((await checkGitTag({ repositoryUrl: "ext::sh -c id", tag: "v1" }, local)).reasons[0]).toMatch(/ext::/);
  });

  it("pins git to the checked address: curl's resolve list for https, HostName for ssh", () => {
    const v4 = { address: "93.184.215.14", family: 4 as const };
    const v6 = { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 as const };
    expect(pinnedGitSettings(new URL("https://git.example.com/r.git"), "git.example.com", v4).config).toEqual([
      "-c",
      "http.curloptResolve=git.example.com:443:93.184.215.14",
    ]);
    expect(pinnedGitSettings(new URL("https://git.example.com:8443/r.git"), "git.example.com", v6).config).toEqual([
      "-c",
      "http.curloptResolve=git.example.com:8443:[2606:2800:21f:cb07:6820:80da:af6b:8b2c]",
    ]);
    expect(pinnedGitSettings(new URL("ssh://git@git.example.com/r.git"), "git.example.com", v4).sshCommand).toBe(
      "ssh -o BatchMode=yes -o ConnectTimeout=10 -o HostName=93.184.215.14 -o HostKeyAlias=git.example.com",
    );
  });

  it("refuses a repository whose name resolves to a private address, before running git", async () => {
    const resolver = async () => [{ address: "192.168.1.20", family: 4 as const }];
    const result = await checkGitTag(
      { repositoryUrl: "https://git.internal.test/r.git", tag: "v1.0.0" },
      { allowLocal: false, timeoutMs: 5_000, resolver },
    );
    expect(result.reasons).toEqual(["git.internal.test resolves to a non-public address (192.168.1.20); refused"]);
  });
});

describe("the demo's own repositories", () => {
  it("are read without opening the local network, and nothing else is: not another folder, not a symlink out", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "tollgate-demo-root-"));
    const elsewhere = await mkdtemp(path.join(tmpdir(), "tollgate-elsewhere-"));
    git(elsewhere, "init", "-q", "--bare", "secret.git");
    git(root, "init", "-q", "work");
    git(path.join(root, "work"), "commit", "-q", "--allow-empty", "-m", "release");
    git(path.join(root, "work"), "tag", "v1.0.0");
    git(root, "clone", "-q", "--bare", "work", "demo.git");
    symlinkSync(path.join(elsewhere, "secret.git"), path.join(root, "link.git"));
    const options = { allowLocal: false, localRoots: [root], timeoutMs: 10_000 };

    expect(
      await checkGitTag({ repositoryUrl: `file://${path.join(root, "demo.git")}`, tag: "v1.0.0" }, options),
    ).toMatchObject({ verdict: "pass" });
    expect(
      (await checkGitTag({ repositoryUrl: `file://${path.join(root, "link.git")}`, tag: "v1.0.0" }, options)).reasons,
    ).toEqual(["the repository is not one of the demo's own"]);
    expect(
      (await checkGitTag({ repositoryUrl: `file://${path.join(elsewhere, "secret.git")}`, tag: "v1.0.0" }, options))
        .reasons[0],
    ).toContain("file repositories are allowed only with");
  });
});
