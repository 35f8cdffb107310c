// `npm run audit:verify`: checks every organisation's audit chain (hashes, MACs with the audit key,
// and that it reaches the head recorded in the blob store) and names the first missing or bad
// event. Exit code 1 when any chain fails. Stop the server first on the embedded database.
import { verifyAllAuditChains } from "../server/data/audit/chain";
import { databaseTargetFromEnv, prepareDatabase } from "../server/data/database/setup";

const { database } = await prepareDatabase(databaseTargetFromEnv());
let broken = 0;
try {
  for (const report of await verifyAllAuditChains()) {
    const { result } = report;
    if (result.ok) {
      console.log(`ok      ${report.name} (${report.id}): ${result.events} events, chain intact up to its head`);
    } else {
      broken += 1;
      const where = result.brokenAtSeq === null ? "" : `first missing or bad event #${result.brokenAtSeq}: `;
      console.log(`BROKEN  ${report.name} (${report.id}): ${where}${result.reason}`);
    }
  }
} finally {
  await database.close();
}
process.exit(broken > 0 ? 1 : 0);
