import { readFileSync } from "node:fs";
import path from "node:path";
import { listOrgEngagements } from "../data/engagement/read";
import { recordEvidence } from "../data/evidence/record";
import { issueInvoice } from "../data/invoice/issue";
import { recordPayment } from "../data/invoice/corrections";
import { transitionMilestone } from "../data/milestone/request-transition";
import { listMilestoneGates } from "../data/milestone/gate-read";
import { findMilestoneRequirements } from "../data/milestone/requirements";
import { resolveClientScope, resolveOrgScope, type OrgScope } from "../data/scope";
import { findSignInCandidate } from "../data/user/sign-in";
import { DEMO_REPOSITORY } from "../../prisma/demo-data";
import { ensureDemoRepository } from "../services/probes/demo-repository";
import { blobStore } from "../services/storage/blob-store";
import { baselineForVerifying, verifyAgainstRequirements } from "../services/evidence/verify-stored";
import { pdfIssuer } from "../services/pdf/invoice-issuer";
import { listSlaClauses } from "../data/sla/clauses";
import { seedDemoHealthCheck } from "./demo-health-check";
import { seedDemoMaintenance } from "./demo-maintenance";
import { seedDemoPackages } from "./demo-packages";
import { seedDemoProposal } from "./demo-proposals";
import { playDemoRoi } from "./demo-roi";
import { seedDemoUsage } from "./demo-usage";

// The demo scenario in motion, so a newcomer meets every state: Eastbank's architecture review
// was approved, invoiced as INV-2026-0001 (CNY 150,000.00 + 6% = 159,000.00) and paid; the
// proof of concept is verified against its benchmark baseline and awaits the client's approval;
// delivery is planned, its release tag waiting in the client's repository the demo makes, and the
// upgrade rights wait for the client's attestation. Everything goes through the same functions as
// the app: real files, real verifiers, the real state machine and invoicing.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const NOTICES = { origin: "http://localhost:3000", smtpConfigured: false };
const FIXTURES = path.join(process.cwd(), "server", "domain", "evidence", "fixtures");

const PASSING_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="sync" tests="4" failures="0" errors="0" skipped="0">
  <testcase classname="sync" name="TestMerkleRootMatchesChain"/>
  <testcase classname="sync" name="TestResumeAfterReorg"/>
  <testcase classname="sync" name="TestRowDigestStable"/>
  <testcase classname="sync" name="TestBackpressure"/>
</testsuite>
`;

function passingLcov(): string {
  let text = "TN:\nSF:/src/sync/block.go\nFN:12,SyncBlock\nFNDA:40,SyncBlock\n";
  for (let line = 10; line < 60; line += 1) text += `DA:${line},${line % 17 === 0 ? 0 : 5}\n`;
  return `${text}end_of_record\n`;
}

async function userId(email: string): Promise<string> {
  const user = await findSignInCandidate(email);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user.id;
}

async function step(scope: OrgScope, milestoneId: string, action: "start" | "submit" | "verify") {
  await transitionMilestone(scope, { milestoneId, action }, undefined, NOTICES);
}

/**
 * Stores a file and attaches it with the verifier's results against the milestone's gate (a
 * benchmark against the engagement's baseline); a baseline is kept unjudged, for comparisons.
 */
async function attachFile(
  scope: OrgScope,
  milestoneId: string,
  kind: string,
  filename: string,
  bytes: Uint8Array,
  role?: "baseline",
) {
  const staged = await blobStore().stage(
    (async function* () {
      yield bytes;
    })(),
    16 * 1024 * 1024,
  );
  const requirements = await findMilestoneRequirements(scope, milestoneId);
  const baseline = role ? null : await baselineForVerifying(scope, milestoneId, kind, requirements);
  const verifications = role ? [] : await verifyAgainstRequirements(kind, () => staged.open(), requirements, baseline);
  const storageKey = await staged.commit();
  await recordEvidence(scope, {
    milestoneId,
    kind,
    sha256: staged.sha256,
    filename,
    blob: { sizeBytes: staged.sizeBytes, mediaType: "application/octet-stream", storageKey },
    source: "upload",
    ...(role ? { role } : {}),
    verifications,
  });
}

export async function playDemoActivity(): Promise<void> {
  // the client's repository with its release tag, so delivery can be walked to paid offline
  ensureDemoRepository(DEMO_REPOSITORY.name, DEMO_REPOSITORY.files, DEMO_REPOSITORY.tags);
  const owner = await resolveOrgScope(await userId("owner@northwind.test"));
  const approver = await resolveClientScope(await userId("approver@eastbank.test"));
  if (!owner || !approver) throw new Error("demo scopes are missing");
  const engagement = (await listOrgEngagements(owner)).find((e) => e.title === EASTBANK);
  if (!engagement) throw new Error("demo engagement is missing");
  const milestone = (key: string) => engagement.milestones.find((m) => m.key === key)!.id;
  const encoder = new TextEncoder();

  // the first meeting's health check of the bank's sync service
  await seedDemoHealthCheck(owner, engagement.id);

  // architecture review: signed document and go.mod review, verified, approved, invoiced, paid
  const review = milestone("review");
  await step(owner, review, "start");
  await step(owner, review, "submit");
  await attachFile(
    owner,
    review,
    "sha256",
    "architecture-review-signed.txt",
    encoder.encode(
      "Architecture review, blockchain data synchroniser v1.0 — signed by Wang Lei (Eastbank) and Nora " +
        "Lindqvist, 2026-10-12.\n",
    ),
  );
  const goMod =
    "module git.eastbank.test/chain/sync\n\ngo 1.22\n\nrequire (\n" +
    "\tgolang.org/x/crypto v0.24.0\n\tgithub.com/jackc/pgx/v5 v5.6.0\n)\n";
  await attachFile(owner, review, "manifest-review", "go.mod", encoder.encode(goMod));
  await step(owner, review, "verify");
  const shown = (await listMilestoneGates(owner, engagement.id)).find((g) => g.milestoneId === review)!.evidenceHashes;
  await transitionMilestone(
    approver,
    {
      milestoneId: review,
      action: "approve",
      presentedHashes: shown,
      comment: "Design accepted by the architecture board.",
    },
    undefined,
    NOTICES,
  );
  const invoice = await issueInvoice(
    owner,
    {
      engagementId: engagement.id,
      milestoneIds: [review],
      idempotencyKey: "demo-inv-2026-0001",
      issueDate: "2026-10-20",
    },
    pdfIssuer("en"),
  );
  await recordPayment(owner, {
    invoiceId: invoice.id,
    amountMinor: invoice.totalMinor,
    paidOn: "2026-11-10",
    method: "bank transfer",
    reference: "EB-2026-1107",
  });

  // proof of concept: tests, coverage and benchmarks verified; the client has yet to approve
  const poc = milestone("poc");
  await step(owner, poc, "start");
  await step(owner, poc, "submit");
  await attachFile(owner, poc, "junit", "go-test-report.xml", encoder.encode(PASSING_JUNIT));
  await attachFile(owner, poc, "lcov", "coverage.info", encoder.encode(passingLcov()));
  // the benchmark before the change (the baseline) and after it: the comparison report shows both
  await attachFile(
    owner,
    poc,
    "go-bench",
    "bench-before.txt",
    readFileSync(path.join(FIXTURES, "bench-old.txt")),
    "baseline",
  );
  await attachFile(owner, poc, "go-bench", "bench.txt", readFileSync(path.join(FIXTURES, "bench-new.txt")));
  await step(owner, poc, "verify");

  // the debt priced, the system map drawn, the ROI report shared with the client
  await playDemoRoi(owner, engagement, NOTICES);

  // the three service packages, and a quote to Lakeside Retail waiting for its approver
  await seedDemoProposal(owner, await seedDemoPackages(owner));

  // after delivery: the bank's maintenance contract under its SLA clauses, and an LLM gateway billed per use
  const clauses = await listSlaClauses(owner, engagement.id);
  await seedDemoMaintenance(
    owner,
    engagement,
    clauses.map((clause) => clause.id),
  );
  await seedDemoUsage(owner);
}
