import { createHash, randomBytes } from "node:crypto";
import { addDays } from "../../domain/invoice";
import { recordEvidence } from "../evidence/record";
import type { PdfIssuer } from "../invoice/document";
import { issueInvoice } from "../invoice/issue";
import { resolveOrgScope, type OrgScope } from "../scope";
import { idOf, sessionFor } from "../testing";

// What the maintenance tests share: the demo engagement, a PDF issuer that stores nothing, and
// the engagement brought to "delivery paid on a given day" through the real invoicing.

export const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
export const OWNER = "owner@northwind.test";
export const APPROVER = "approver@eastbank.test";
export const VIEWER = "viewer@eastbank.test";

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromToday = (days: number) => addDays(today(), days);

/** Counts the documents it was asked to render; the bytes are not kept. */
export function countingPdf(): PdfIssuer & { issued: string[] } {
  const issued: string[] = [];
  return {
    issued,
    async issue(source) {
      issued.push(source.number);
      const sha256 = createHash("sha256").update(source.number).digest("hex");
      return { sha256, storageKey: `${sha256.slice(0, 2)}/${sha256}`, sizeBytes: 1 };
    },
  };
}

export async function ownerScope(): Promise<OrgScope> {
  return (await resolveOrgScope((await sessionFor(OWNER)).userId))!;
}

export async function eastbankId(): Promise<string> {
  return idOf("engagement", { title: EASTBANK });
}

/** Issues an invoice for an approved (or prepaid) milestone of the demo engagement. */
export async function invoiceMilestone(key: string, issueDate: string): Promise<{ id: string; totalMinor: number }> {
  const invoice = await issueInvoice(
    await ownerScope(),
    { engagementId: await eastbankId(), milestoneIds: [await idOf("milestone", { title: EASTBANK, key })], issueDate },
    countingPdf(),
  );
  return { id: invoice.id, totalMinor: invoice.totalMinor };
}

/** A git tag (or a SHA-256 file) attached to a milestone of the demo engagement, dated now. */
export async function attachDelivery(
  milestoneKey: string,
  delivery: { tag: string } | { filename: string },
): Promise<string> {
  const sha256 = createHash("sha256").update(randomBytes(16)).digest("hex");
  const { evidenceId } = await recordEvidence(await ownerScope(), {
    milestoneId: await idOf("milestone", { title: EASTBANK, key: milestoneKey }),
    kind: "tag" in delivery ? "git-tag" : "sha256",
    sha256,
    ...("tag" in delivery
      ? { reference: { repositoryUrl: "https://git.example/sync.git", tag: delivery.tag } }
      : { filename: delivery.filename }),
    source: "manual",
    verifications: [],
  });
  return evidenceId;
}
