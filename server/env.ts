import path from "node:path";
import { z } from "zod";

// Environment, validated once. Nothing here is required for a first run: the embedded database
// lives under DATA_DIR and the session secret is generated there (see session-secret.ts).
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("data"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});
export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse({
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || undefined,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || undefined,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}
