import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkRepositoryUrl, isInsideRoot } from "../../domain/evidence/network-safety";
import { demoRepositoriesRoot } from "./demo-repository";
import type { VerifierResult } from "../../domain/evidence/verdict";
import { curlResolveEntry, resolvePublic, systemResolver, type ResolvedAddress, type Resolver } from "./resolve-public";

// The git-tag verifier: does the tag exist in the client's repository (and point at the expected
// commit)? Checked with the real `git ls-remote`, only against https/ssh hosts that resolve to
// public addresses, with redirects and remote-helper transports disabled and a timeout. git is
// made to connect to the address that was checked (curl's resolve list for https, HostName for
// ssh), so a name that resolves differently a moment later cannot redirect it.

export interface GitTagCheck {
  repositoryUrl: string;
  tag: string;
  expectedCommit?: string;
}

export interface ProbeOptions {
  allowLocal: boolean;
  /** folders whose file repositories may be read without allowLocal: the demo's own */
  localRoots?: readonly string[];
  timeoutMs: number;
  /** name resolution; the system's by default (tests answer names themselves) */
  resolver?: Resolver;
}

export const defaultProbeOptions = (): ProbeOptions => ({
  allowLocal: process.env.TOLLGATE_ALLOW_LOCAL_NETWORK === "1",
  localRoots: [demoRepositoriesRoot()],
  timeoutMs: 20_000,
});

/** A file repository's real path must stay inside the allowed roots too: a symlink cannot lead out. */
function realPathInside(url: URL, roots: readonly string[]): boolean {
  try {
    return isInsideRoot(
      realpathSync(fileURLToPath(url)),
      roots.map((root) => realpathSync(root)),
    );
  } catch {
    return false;
  }
}

const TAG = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/+-]{1,200}$/;

function run(
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn("git", args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => (stdout = (stdout + chunk.toString("utf8")).slice(0, 1_000_000)));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(0, 10_000)));
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: error.message, timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The git settings that make it connect to the checked address and nowhere else. */
export function pinnedGitSettings(
  url: URL,
  host: string,
  pinned: ResolvedAddress | null,
): { config: string[]; sshCommand: string } {
  const ssh = ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10"];
  if (!pinned) return { config: [], sshCommand: ssh.join(" ") };
  if (url.protocol === "https:")
    return {
      config: ["-c", `http.curloptResolve=${curlResolveEntry(host, Number(url.port || 443), pinned)}`],
      sshCommand: ssh.join(" "),
    };
  // ssh connects to the address; known_hosts is still checked against the name
  return {
    config: [],
    sshCommand: [...ssh, "-o", `HostName=${pinned.address}`, "-o", `HostKeyAlias=${host}`].join(" "),
  };
}

export async function checkGitTag(
  check: GitTagCheck,
  options: ProbeOptions = defaultProbeOptions(),
): Promise<VerifierResult> {
  const metrics = { repositoryUrl: check.repositoryUrl, tag: check.tag, commit: null as string | null };
  const fail = (reason: string): VerifierResult => ({ kind: "git-tag", verdict: "fail", metrics, reasons: [reason] });
  if (!TAG.test(check.tag)) return fail(`"${check.tag}" is not a valid tag name`);
  const url = checkRepositoryUrl(check.repositoryUrl, options.allowLocal, options.localRoots ?? []);
  if (!url.ok) return fail(url.reason);
  const localFile = url.url.protocol === "file:";
  if (localFile && !options.allowLocal && !realPathInside(url.url, options.localRoots ?? []))
    return fail("the repository is not one of the demo's own");
  let pinned: ResolvedAddress | null = null;
  if (url.host) {
    const resolution = await resolvePublic(url.host, options.allowLocal, options.resolver ?? systemResolver);
    if (!resolution.ok) return fail(resolution.reason);
    pinned = resolution.pinned;
  }
  const { config, sshCommand } = pinnedGitSettings(url.url, url.host, pinned);
  const fileAllowed = options.allowLocal || localFile;
  const protocols = fileAllowed ? "https:ssh:file" : "https:ssh";
  const result = await run(
    [
      "-c",
      "protocol.ext.allow=never",
      "-c",
      "http.followRedirects=false",
      "-c",
      `protocol.file.allow=${fileAllowed ? "always" : "never"}`,
      ...config,
      "ls-remote",
      "--tags",
      "--",
      url.url.href,
      `refs/tags/${check.tag}`,
      `refs/tags/${check.tag}^{}`,
    ],
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GIT_TERMINAL_PROMPT: "0",
      GIT_ALLOW_PROTOCOL: protocols,
      GIT_SSH_COMMAND: sshCommand,
    },
    options.timeoutMs,
  );
  if (result.timedOut) return fail(`git ls-remote did not answer within ${options.timeoutMs / 1000} s`);
  if (result.code !== 0)
    return fail(`git ls-remote failed: ${result.stderr.split("\n").find((l) => l.trim()) ?? `exit ${result.code}`}`);
  const refs = new Map(
    result.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t") as [string, string])
      .map(([sha, ref]) => [ref, sha] as const),
  );
  // an annotated tag's peeled entry names the commit; a lightweight tag's own entry does
  const commit = refs.get(`refs/tags/${check.tag}^{}`) ?? refs.get(`refs/tags/${check.tag}`) ?? null;
  metrics.commit = commit;
  if (!commit) return fail(`tag ${check.tag} not found in ${check.repositoryUrl}`);
  if (check.expectedCommit && !commit.startsWith(check.expectedCommit.toLowerCase())) {
    return fail(`tag ${check.tag} points to ${commit.slice(0, 12)}, not ${check.expectedCommit}`);
  }
  return { kind: "git-tag", verdict: "pass", metrics, reasons: [] };
}
