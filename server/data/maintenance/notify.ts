import { fill } from "../../domain/document-words";
import type { Locale } from "../../domain/locale";
import { formatMoney } from "../../domain/currency";
import { messagesFor } from "../../i18n/messages";
import type { NoticeDelivery } from "../notification/notices";
import { enqueueEmail } from "../notification/outbox";
import type { Tx } from "../prisma-client";

// Who hears of a maintenance contract's events: every active consultant of the organisation, with
// an in-app notice (and, for a drafted renewal, an email), in the transaction of the change.

const localeOf = (value: string | null | undefined): Locale => (value === "zh-CN" ? "zh-CN" : "en");

async function consultantsOf(tx: Tx, organisationId: string) {
  return tx.user.findMany({
    where: { organisationId, kind: "consultant", deactivatedAt: null },
    select: { id: true, email: true, locale: true },
  });
}

interface ContractFacts {
  organisationId: string;
  engagementId: string;
  engagement: string;
}

/** The client gave notice: the contract ends on `endsOn`. */
export async function notifyNoticeGiven(tx: Tx, facts: ContractFacts, who: string, endsOn: string): Promise<void> {
  for (const user of await consultantsOf(tx, facts.organisationId)) {
    await tx.notification.create({
      data: {
        organisationId: facts.organisationId,
        userId: user.id,
        kind: "maintenance_notice_given",
        engagementId: facts.engagementId,
        params: { milestone: "", engagement: facts.engagement, who, comment: "", to: endsOn },
      },
    });
  }
}

export interface DraftedRenewal extends ContractFacts {
  index: number;
  from: string;
  to: string;
  feeMinor: number;
  currency: string;
  /** the term's invoice number when it was issued with the draft */
  invoiceNumber: string | null;
}

/** A renewal term was drafted: a notice and an email to each consultant. */
export async function notifyRenewalDrafted(tx: Tx, renewal: DraftedRenewal, delivery: NoticeDelivery): Promise<void> {
  const values = {
    engagement: renewal.engagement,
    index: String(renewal.index),
    from: renewal.from,
    to: renewal.to,
    number: renewal.invoiceNumber ?? "",
  };
  for (const user of await consultantsOf(tx, renewal.organisationId)) {
    await tx.notification.create({
      data: {
        organisationId: renewal.organisationId,
        userId: user.id,
        kind: "maintenance_renewal_drafted",
        engagementId: renewal.engagementId,
        params: {
          milestone: "",
          engagement: renewal.engagement,
          who: "",
          comment: "",
          from: renewal.from,
          to: renewal.to,
        },
      },
    });
    const locale = localeOf(user.locale);
    const words = messagesFor(locale).maintenance.emails;
    const fee = formatMoney(renewal.feeMinor, renewal.currency, locale);
    const body = [
      fill(words.renewalDraftedBody, { ...values, fee }),
      fill(renewal.invoiceNumber ? words.renewalIssued : words.renewalToIssue, values),
      "",
      `${delivery.origin}/engagements/${renewal.engagementId}`,
    ].join("\n");
    await enqueueEmail(
      tx,
      renewal.organisationId,
      user.email,
      "maintenance.renewal_drafted",
      { subject: fill(words.renewalDraftedSubject, values), body },
      delivery.smtpConfigured,
    );
  }
}
