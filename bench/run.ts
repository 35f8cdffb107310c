// Benchmarks (figures in BENCHMARKS.md): database preparation, the dashboard's read path through
// the real procedure chain, and the fee split. Run with `npm run bench`; TEST_DATABASE_URL adds
// the PostgreSQL column.
import { performance } from "node:perf_hooks";
import { DEMO_ORGANISATIONS } from "../prisma/demo-data";
import { createCaller } from "../server/api/root";
import { createTestDatabase, seedForTests, sessionFor, testDatabaseKinds } from "../server/data/testing";
import { splitByShares } from "../server/domain/money";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timeMany(label: string, runs: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 10; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(2)} ms  ` +
      `p95 ${percentile(samples, 95).toFixed(2)} ms  (${runs} runs)`,
  );
}

for (const kind of testDatabaseKinds()) {
  console.log(`\n${kind}`);
  let t0 = performance.now();
  const db = await createTestDatabase(kind);
  console.log(`  ${"create + migrate an empty database".padEnd(44)} ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  await seedForTests(DEMO_ORGANISATIONS);
  console.log(`  ${"seed the demo scenario (bcrypt cost 4)".padEnd(44)} ${(performance.now() - t0).toFixed(0)} ms`);

  const consultant = createCaller({ session: await sessionFor("owner@northwind.test") });
  const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
  const [first] = await consultant.engagement.list();
  await timeMany("engagement.list (consultant, scope + read)", 200, () => consultant.engagement.list());
  await timeMany("engagement.get (consultant)", 200, () => consultant.engagement.get({ id: first!.id }));
  await timeMany("portal.engagement.list (client approver)", 200, () => approver.portal.engagement.list());
  await db.drop();
}

console.log("\ndomain");
const shares = [1_500, 3_000, 4_500, 1_000];
const n = 200_000;
const t0 = performance.now();
for (let i = 0; i < n; i += 1) splitByShares(100_000_000 + i, shares);
const elapsed = performance.now() - t0;
console.log(`  ${"splitByShares, 4 shares".padEnd(44)} ${((elapsed * 1000) / n).toFixed(2)} us/op`);
