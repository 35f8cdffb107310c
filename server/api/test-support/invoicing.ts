import { randomUUID } from "node:crypto";
import { attachVerifiedEvidence, idOf, listEvidenceHashes, sessionFor } from "../../data/testing";
import { createCaller } from "../root";

// Brings a demo milestone to approved (start, submit, passing evidence for each requirement,
// verify, the client's approval of exactly that evidence), as the app would.

const EVIDENCE_FOR: Record<string, string[]> = {
  review: ["sha256", "manifest-review"],
  poc: ["junit", "lcov", "go-bench"],
  delivery: ["git-tag", "junit"],
  upgrade: ["attestation"],
};

export async function approvedMilestone(
  engagementTitle: string,
  key: string,
  consultant: string,
  approver: string,
): Promise<string> {
  const owner = createCaller({ session: await sessionFor(consultant) });
  const client = createCaller({ session: await sessionFor(approver) });
  const id = await idOf("milestone", { title: engagementTitle, key });
  await owner.milestone.transition({ milestoneId: id, action: "start" });
  await owner.milestone.transition({ milestoneId: id, action: "submit" });
  for (const kind of EVIDENCE_FOR[key] ?? []) await attachVerifiedEvidence(consultant, id, kind, "pass");
  await owner.milestone.transition({ milestoneId: id, action: "verify" });
  await client.portal.milestone.transition({
    milestoneId: id,
    action: "approve",
    evidenceSha256: await listEvidenceHashes(id),
    idempotencyKey: randomUUID(),
  });
  return id;
}
