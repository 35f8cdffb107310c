import { spawn } from "node:child_process";
import { lookup } from "node:dns/promises";
import { checkRepositoryUrl, isLoopbackAddress, isNonPublicAddress } from "../domain/evidence/network-safety";
import type { VerifierResult } from "../domain/evidence/verdict";

// The git-tag verifier: does the tag exist in the client's repository (and point at the expected
// commit)? Checked with the real `git ls-remote`, only against https/ssh hosts that resolve to
// public addresses, with redirects and remote-helper transports disabled and a timeout.

export interface GitTagCheck {
  repositoryUrl: string;
  tag: string;
  expectedCommit?: string;
}

export interface ProbeOptions {
  allowLocal: boolean;
  timeoutMs: number;
}

export const defaultProbeOptions = (): ProbeOptions => ({ allowLocal: process.env.TOLLGATE_ALLOW_LOCAL_NETWORK === "1", timeoutMs: 20_000 });

const TAG = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/+-]{1,200}$/;

function run(args: string[], env: Record<string, string | undefined>, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
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

export async function checkGitTag(check: GitTagCheck, options: ProbeOptions = defaultProbeOptions()): Promise<VerifierResult> {
  const metrics = { repositoryUrl: check.repositoryUrl, tag: check.tag, commit: null as string | null };
  const fail = (reason: string): VerifierResult => ({ kind: "git-tag", verdict: "fail", metrics, reasons: [reason] });
  if (!TAG.test(check.tag)) return fail(`"${check.tag}" is not a valid tag name`);
  const url = checkRepositoryUrl(check.repositoryUrl, options.allowLocal);
  if (!url.ok) return fail(url.reason);
  if (url.host) {
    const addresses = await lookup(url.host, { all: true }).catch(() => null);
    if (!addresses?.length) return fail(`${url.host} does not resolve`);
    const blocked = addresses.find((a) => isNonPublicAddress(a.address) && !(options.allowLocal && isLoopbackAddress(a.address)));
    if (blocked) return fail(`${url.host} resolves to a non-public address (${blocked.address}); refused`);
  }
  const protocols = options.allowLocal ? "https:ssh:file" : "https:ssh";
  const result = await run(
    ["-c", "protocol.ext.allow=never", "-c", "http.followRedirects=false", "-c", `protocol.file.allow=${options.allowLocal ? "always" : "never"}`, "ls-remote", "--tags", "--", url.url.href, `refs/tags/${check.tag}`, `refs/tags/${check.tag}^{}`],
    { PATH: process.env.PATH, HOME: process.env.HOME, GIT_TERMINAL_PROMPT: "0", GIT_ALLOW_PROTOCOL: protocols, GIT_SSH_COMMAND: "ssh -o BatchMode=yes -o ConnectTimeout=10" },
    options.timeoutMs,
  );
  if (result.timedOut) return fail(`git ls-remote did not answer within ${options.timeoutMs / 1000} s`);
  if (result.code !== 0) return fail(`git ls-remote failed: ${result.stderr.split("\n").find((l) => l.trim()) ?? `exit ${result.code}`}`);
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
