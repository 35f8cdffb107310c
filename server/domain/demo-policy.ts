// When the demo organisations (with their published logins) are loaded on first start: only on
// the embedded database of a machine someone is trying out. A shared PostgreSQL or a production
// process gets them only when asked for by name, so no install is exposed with known passwords.

export interface DemoContext {
  /** SEED_DEMO as set, if set */
  seedDemo: string | undefined;
  nodeEnv: string | undefined;
  database: "pglite" | "postgres";
}

export function demoWanted({ seedDemo, nodeEnv, database }: DemoContext): boolean {
  if (seedDemo?.trim()) return seedDemo.trim() === "true";
  return database === "pglite" && nodeEnv !== "production";
}
