import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "./env";

// The key of the audit chain's MACs must not live in the database it protects.

function keyFile(): string {
  return path.join(dataDir(), "audit-key");
}

function readKeyFile(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch {
    return null;
  }
}

/**
 * AUDIT_KEY when set (several instances must share one); otherwise a key generated once and kept
 * in DATA_DIR/audit-key, so a first run needs no env file.
 */
export function auditKey(): string {
  const existing = existingAuditKey();
  if (existing) return existing;
  mkdirSync(dataDir(), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  // 'wx' fails if another process won the race; then read what it wrote.
  try {
    writeFileSync(keyFile(), key, { mode: 0o600, flag: "wx" });
    return key;
  } catch {
    const written = readKeyFile(keyFile());
    if (!written) throw new Error(`cannot create the audit key at ${keyFile()}`);
    return written;
  }
}

/** The key without creating one: checking the chain with a fresh key would only say it is broken. */
export function existingAuditKey(): string | null {
  return env().AUDIT_KEY ?? readKeyFile(keyFile());
}
