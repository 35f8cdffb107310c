import { z } from "zod";
import { ZMilestoneState } from "../../../domain/milestone";
import { HOME_LIST_LIMIT } from "../../../data/home/read";
import { ZNotificationKind, ZNotificationParams } from "../notification/notification.schema";

export const ZHomeInput = z.strictObject({
  limit: z.number().int().min(1).max(HOME_LIST_LIMIT).default(HOME_LIST_LIMIT),
});

const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

const ZPlace = z.object({
  milestoneId: z.string(),
  milestoneTitle: z.string(),
  engagementId: z.string(),
  engagementTitle: z.string(),
  clientName: z.string(),
});

const ZOpenInvoice = z.object({
  invoiceId: z.string(),
  number: z.string(),
  engagementId: z.string(),
  engagementTitle: z.string(),
  clientName: z.string(),
  currency: z.string().length(3),
  /** null for a client viewer the engagement hides amounts from */
  outstandingMinor: z.number().int().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
});

export const ZConsultantHomeOut = z.object({
  awaitingApproval: section(ZPlace.extend({ verifiedAt: z.string().nullable() })),
  gatesFailing: section(
    ZPlace.extend({ state: ZMilestoneState, unmetCount: z.number().int(), reasons: z.array(z.string()) }),
  ),
  failedEvidence: section(
    ZPlace.extend({
      evidenceId: z.string(),
      kind: z.string(),
      filename: z.string().nullable(),
      verdict: z.enum(["fail", "error"]),
      reasons: z.array(z.string()),
      verifiedAt: z.string(),
    }),
  ),
  overdueInvoices: section(ZOpenInvoice),
  unreadNotices: section(
    z.object({
      id: z.string(),
      kind: ZNotificationKind,
      engagementId: z.string().nullable(),
      proposalId: z.string().nullable(),
      milestoneId: z.string().nullable(),
      params: ZNotificationParams,
      createdAt: z.string(),
    }),
  ),
});
export type ConsultantHomeOut = z.infer<typeof ZConsultantHomeOut>;

export const ZClientHomeOut = z.object({
  /** approvers decide; viewers see the same list to read */
  canDecide: z.boolean(),
  awaitingDecision: section(
    ZPlace.extend({
      currency: z.string().length(3),
      amountMinor: z.number().int().nullable(),
      verifiedAt: z.string().nullable(),
    }),
  ),
  invoicesDue: section(ZOpenInvoice),
});
export type ClientHomeOut = z.infer<typeof ZClientHomeOut>;
