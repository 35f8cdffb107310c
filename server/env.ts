import path from "node:path";
import { z } from "zod";

// Environment, validated once. Nothing here is required for a first run: the embedded database
// lives under DATA_DIR and the session secret and audit key are generated there
// (see session-secret.ts and audit-key.ts).
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("data"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** the key of the audit chain's MACs; unset: generated once into DATA_DIR/audit-key */
  AUDIT_KEY: z.string().min(32, "AUDIT_KEY must be at least 32 characters").optional(),
  /** the app's public URL (links in emails, the origin state-changing requests must come from) */
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL" }).optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be an http(s) URL" }).optional(),
  /** comma-separated addresses of the reverse proxies whose X-Forwarded-For is believed */
  TRUSTED_PROXIES: z.string().optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});
export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse({
      ...process.env,
      DATABASE_URL: optional(process.env.DATABASE_URL),
      NEXTAUTH_SECRET: optional(process.env.NEXTAUTH_SECRET),
      AUDIT_KEY: optional(process.env.AUDIT_KEY),
      APP_URL: optional(process.env.APP_URL),
      NEXTAUTH_URL: optional(process.env.NEXTAUTH_URL),
      TRUSTED_PROXIES: optional(process.env.TRUSTED_PROXIES),
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Forgets the validated environment (tests that change a variable). */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

/** The configured public origin (APP_URL, else NEXTAUTH_URL), or null when the app follows the request's host. */
export function configuredOrigin(): string | null {
  const { APP_URL, NEXTAUTH_URL } = env();
  const url = APP_URL ?? NEXTAUTH_URL;
  return url ? new URL(url).origin : null;
}
