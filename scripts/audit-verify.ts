// `npm run audit:verify`: walks every organisation's hash-chained audit log and names the first
// broken link. Exit code 1 when any chain is broken. Stop the server first on the embedded database.
import { verifyAllAuditChains } from "../server/data/audit";
import { databaseTargetFromEnv, prepareDatabase } from "../server/data/setup";

const { database } = await prepareDatabase(databaseTargetFromEnv());
let broken = 0;
try {
  for (const report of await verifyAllAuditChains()) {
    if (report.result.ok) {
      console.log(`ok      ${report.name}: ${report.result.events} events, chain intact`);
    } else {
      broken += 1;
      console.log(`BROKEN  ${report.name}: first broken link at event #${report.result.brokenAtSeq} (${report.result.reason})`);
    }
  }
} finally {
  await database.close();
}
process.exit(broken > 0 ? 1 : 0);
