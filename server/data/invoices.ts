import type { Prisma } from "@prisma/client";
import { addDays, DEFAULT_CREDIT_NOTE_PATTERN, DEFAULT_INVOICE_PATTERN, formatDocumentNumber, invoiceTotals, paymentStatus, seriesKey } from "../domain/invoice";
import type { InvoiceDocumentSource } from "../domain/invoice-document";
import { appendAuditEvent } from "./audit";
import { prisma, toMinor, transaction, type Tx } from "./client";
import { decisionInputs, milestoneDecisionSelect } from "./milestone-gate";
import { applyTransition } from "./milestone-transition";
import type { ClientScope, OrgScope } from "./scope";

// Issuing, paying and crediting invoices. An invoice is numbered inside its issuing transaction
// (a row-locked counter per organisation and series, so an aborted issue uses no number and
// concurrent issues get consecutive ones), its PDF is rendered and stored by SHA-256 in the same
// step, and the database refuses any later change to it (see the invoicing migration's triggers).

/** Renders an issued document and stores the bytes; answers where. Supplied by the API layer. */
export interface PdfIssuer {
  issue(source: InvoiceDocumentSource): Promise<{ sha256: string; storageKey: string; sizeBytes: number }>;
}

export class InvoiceRefusal extends Error {
  override name = "InvoiceRefusal";
  constructor(
    readonly code: "NOT_FOUND" | "NOT_INVOICEABLE" | "IDEMPOTENCY_MISMATCH" | "OVERPAYMENT" | "NOT_PAYABLE" | "NOT_CREDITABLE" | "BAD_AMOUNT",
    readonly reasons: string[],
    /** NOT_INVOICEABLE: the state machine's refusal code of the first milestone refused */
    readonly transitionCode?: string,
  ) {
    super(reasons.join("; "));
  }
}

export interface InvoiceView {
  id: string;
  kind: "invoice" | "credit_note";
  number: string;
  engagementId: string;
  engagementTitle: string;
  clientName: string;
  creditedInvoiceId: string | null;
  creditedNumber: string | null;
  status: "issued" | "partially_paid" | "paid" | "void";
  currency: string;
  taxRateBp: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
  issueDate: string;
  dueDate: string;
  pdfSha256: string | null;
  reason: string;
  lines: { milestoneId: string | null; description: string; shareBp: number | null; amountMinor: number }[];
  payments: { id: string; amountMinor: number; paidOn: string; method: string; reference: string }[];
}

const invoiceInclude = {
  lines: { orderBy: { position: "asc" } },
  payments: { orderBy: { paidOn: "asc" } },
  creditNotes: { select: { totalMinor: true } },
  creditedInvoice: { select: { number: true } },
  engagement: { select: { title: true, client: { select: { name: true } } } },
} satisfies Prisma.InvoiceInclude;

type InvoiceRow = Prisma.InvoiceGetPayload<{ include: typeof invoiceInclude }>;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function view(row: InvoiceRow): InvoiceView {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    engagementId: row.engagementId,
    engagementTitle: row.engagement.title,
    clientName: row.engagement.client.name,
    creditedInvoiceId: row.creditedInvoiceId,
    creditedNumber: row.creditedInvoice?.number ?? null,
    status: row.status,
    currency: row.currency,
    taxRateBp: row.taxRateBp,
    subtotalMinor: toMinor(row.subtotalMinor),
    taxMinor: toMinor(row.taxMinor),
    totalMinor: toMinor(row.totalMinor),
    paidMinor: row.payments.reduce((sum, p) => sum + toMinor(p.amountMinor), 0),
    creditedMinor: row.creditNotes.reduce((sum, c) => sum + toMinor(c.totalMinor), 0),
    issueDate: isoDate(row.issueDate),
    dueDate: isoDate(row.dueDate),
    pdfSha256: row.pdfSha256,
    reason: row.reason,
    lines: row.lines.map((l) => ({ milestoneId: l.milestoneId, description: l.description, shareBp: l.shareBp, amountMinor: toMinor(l.amountMinor) })),
    payments: row.payments.map((p) => ({ id: p.id, amountMinor: toMinor(p.amountMinor), paidOn: isoDate(p.paidOn), method: p.method, reference: p.reference })),
  };
}

/** The columns an issued document (invoice or credit note) writes, amounts as BigInt. */
function documentData(
  organisationId: string,
  doc: { series: string; sequence: number; number: string; currency: string; taxRateBp: number; totals: { subtotalMinor: number; taxMinor: number; totalMinor: number }; issueDate: string; dueDate: string; pdfSha256: string },
  lines: { milestoneId: string | null; description: string; shareBp: number | null; amountMinor: number }[],
) {
  return {
    organisationId,
    series: doc.series,
    sequence: doc.sequence,
    number: doc.number,
    currency: doc.currency,
    taxRateBp: doc.taxRateBp,
    subtotalMinor: BigInt(doc.totals.subtotalMinor),
    taxMinor: BigInt(doc.totals.taxMinor),
    totalMinor: BigInt(doc.totals.totalMinor),
    issueDate: new Date(`${doc.issueDate}T00:00:00Z`),
    dueDate: new Date(`${doc.dueDate}T00:00:00Z`),
    pdfSha256: doc.pdfSha256,
    lines: { create: lines.map((line, position) => ({ ...line, organisationId, amountMinor: BigInt(line.amountMinor), position })) },
  };
}

/** Takes the next number of a series inside the caller's transaction (row lock until commit). */
async function takeNumber(tx: Tx, organisationId: string, series: string): Promise<number> {
  await tx.$executeRaw`INSERT INTO "InvoiceSequence" ("organisationId", "series", "nextNumber") VALUES (${organisationId}, ${series}, 1) ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ taken: number }[]>`
    UPDATE "InvoiceSequence" SET "nextNumber" = "nextNumber" + 1
    WHERE "organisationId" = ${organisationId} AND "series" = ${series}
    RETURNING "nextNumber" - 1 AS taken`;
  return Number(rows[0]!.taken);
}

async function seller(tx: Tx, organisationId: string) {
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, legalName: true, taxId: true, address: true, paymentInstructions: true } });
  return org;
}

async function recordPdfBlob(tx: Tx, organisationId: string, pdf: { sha256: string; storageKey: string; sizeBytes: number }) {
  await tx.blob.upsert({
    where: { organisationId_sha256: { organisationId, sha256: pdf.sha256 } },
    create: { organisationId, sha256: pdf.sha256, sizeBytes: BigInt(pdf.sizeBytes), mediaType: "application/pdf", storageKey: pdf.storageKey },
    update: {},
  });
}

export interface IssueRequest {
  engagementId: string;
  milestoneIds: string[];
  idempotencyKey: string;
  /** YYYY-MM-DD; today (UTC) by default */
  issueDate?: string;
}

/**
 * Issues one invoice for approved milestones of an engagement (a prepaid milestone on its own
 * gate). Idempotent by key: the same key answers the invoice it issued; with other milestones it
 * is refused. Every refusal rolls the whole issue back, number included.
 */
export async function issueInvoice(scope: OrgScope, request: IssueRequest, pdf: PdfIssuer): Promise<InvoiceView> {
  const milestoneIds = [...new Set(request.milestoneIds)].sort();
  const replay = await prisma().invoice.findUnique({ where: { organisationId_idempotencyKey: { organisationId: scope.organisationId, idempotencyKey: request.idempotencyKey } }, include: invoiceInclude });
  if (replay) return answerReplay(replay, request.engagementId, milestoneIds);
  try {
    return await transaction(async (tx) => {
      const engagement = await tx.engagement.findFirst({
        where: { id: request.engagementId, organisationId: scope.organisationId },
        select: { id: true, title: true, currency: true, taxRateBp: true, paymentTermsDays: true, client: { select: { name: true, legalName: true, taxId: true, address: true } } },
      });
      if (!engagement) throw new InvoiceRefusal("NOT_FOUND", ["engagement not found"]);
      const rows = await tx.milestone.findMany({ where: { id: { in: milestoneIds }, engagementId: engagement.id, organisationId: scope.organisationId }, select: { ...milestoneDecisionSelect, title: true, shareBp: true, position: true } });
      if (rows.length !== milestoneIds.length || rows.length === 0) throw new InvoiceRefusal("NOT_FOUND", ["a milestone was not found in this engagement"]);
      rows.sort((a, b) => a.position - b.position);
      const reasons: string[] = [];
      let transitionCode: string | undefined;
      for (const row of rows) {
        const result = await applyTransition(tx, scope, { milestoneId: row.id, action: "invoice" });
        if (result.ok) continue;
        transitionCode ??= result.code;
        reasons.push(...result.reasons.map((reason) => (rows.length > 1 ? `${row.title}: ${reason}` : reason)));
      }
      if (reasons.length > 0) throw new InvoiceRefusal("NOT_INVOICEABLE", reasons, transitionCode);

      const lines = rows.map((row) => ({ milestoneId: row.id, description: row.title, shareBp: row.shareBp, amountMinor: toMinor(row.amountMinor) }));
      const totals = invoiceTotals(lines, engagement.taxRateBp);
      const issueDate = request.issueDate ?? isoDate(new Date());
      const dueDate = addDays(issueDate, engagement.paymentTermsDays);
      const year = Number(issueDate.slice(0, 4));
      const series = seriesKey(DEFAULT_INVOICE_PATTERN, year);
      const sequence = await takeNumber(tx, scope.organisationId, series);
      const number = formatDocumentNumber(DEFAULT_INVOICE_PATTERN, year, sequence);
      const from = await seller(tx, scope.organisationId);
      const document: InvoiceDocumentSource = {
        kind: "invoice",
        number,
        creditedNumber: null,
        reason: "",
        issueDate,
        dueDate,
        currency: engagement.currency,
        taxRateBp: engagement.taxRateBp,
        ...totals,
        seller: from,
        buyer: engagement.client,
        engagement: engagement.title,
        lines: rows.map((row, i) => ({
          ...lines[i]!,
          evidence: decisionInputs(row).gate.checks.flatMap((check) => {
            const item = row.evidence.find((e) => e.id === check.evidenceId);
            return item ? [{ kind: item.kind, verdict: check.met ? "pass" : "fail", sha256: item.sha256 }] : [];
          }),
        })),
      };
      // rendered once, here: the stored bytes are what the client downloads, and their digest is audited
      const stored = await pdf.issue(document);
      await recordPdfBlob(tx, scope.organisationId, stored);
      const invoice = await tx.invoice.create({
        data: {
          ...documentData(scope.organisationId, { series, sequence, number, currency: engagement.currency, taxRateBp: engagement.taxRateBp, totals, issueDate, dueDate, pdfSha256: stored.sha256 }, lines),
          engagementId: engagement.id,
          kind: "invoice",
          idempotencyKey: request.idempotencyKey,
        },
        include: invoiceInclude,
      });
      await appendAuditEvent(tx, {
        organisationId: scope.organisationId,
        actorKind: "user",
        actorId: scope.userId,
        action: "invoice.issued",
        entityType: "invoice",
        entityId: invoice.id,
        engagementId: engagement.id,
        after: { number, status: "issued", ...totals, currency: engagement.currency, dueDate },
        data: { milestoneIds: lines.map((l) => l.milestoneId), pdfSha256: stored.sha256 },
      });
      return view(invoice);
    });
  } catch (error) {
    // a concurrent request with the same key won: answer as it did
    const raced = await prisma().invoice.findUnique({ where: { organisationId_idempotencyKey: { organisationId: scope.organisationId, idempotencyKey: request.idempotencyKey } }, include: invoiceInclude });
    if (raced) return answerReplay(raced, request.engagementId, milestoneIds);
    throw error;
  }
}

/** The engagement a milestone of the scope's organisation belongs to (to invoice it alone). */
export async function engagementOfMilestone(scope: OrgScope, milestoneId: string): Promise<string | null> {
  const row = await prisma().milestone.findFirst({ where: { id: milestoneId, organisationId: scope.organisationId }, select: { engagementId: true } });
  return row?.engagementId ?? null;
}

function answerReplay(row: InvoiceRow, engagementId: string, milestoneIds: string[]): InvoiceView {
  const issued = row.lines.map((l) => l.milestoneId ?? "").sort();
  if (row.engagementId !== engagementId || issued.join() !== milestoneIds.join()) {
    throw new InvoiceRefusal("IDEMPOTENCY_MISMATCH", ["this idempotency key was already used for a different invoice"]);
  }
  return view(row);
}

export interface PaymentRequest {
  invoiceId: string;
  amountMinor: number;
  paidOn: string;
  method: string;
  reference: string;
}

/** Records a payment; an invoice paid in full marks its milestones paid. Never more than is due. */
export async function recordPayment(scope: OrgScope, request: PaymentRequest): Promise<InvoiceView> {
  return transaction(async (tx) => {
    // the row lock serialises payments of one invoice, so two cannot both fit the same balance
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invoice" WHERE id = ${request.invoiceId} AND "organisationId" = ${scope.organisationId} FOR UPDATE`;
    if (locked.length === 0) throw new InvoiceRefusal("NOT_FOUND", ["invoice not found"]);
    const current = view(await tx.invoice.findUniqueOrThrow({ where: { id: request.invoiceId }, include: invoiceInclude }));
    if (current.kind !== "invoice" || current.status === "void") throw new InvoiceRefusal("NOT_PAYABLE", [`${current.number} is ${current.kind === "invoice" ? "void" : "a credit note"}; it takes no payments`]);
    const outstanding = current.totalMinor - current.creditedMinor - current.paidMinor;
    if (request.amountMinor > outstanding) {
      throw new InvoiceRefusal("OVERPAYMENT", [`the payment exceeds the ${outstanding} minor units still due on ${current.number}`]);
    }
    const payment = await tx.payment.create({
      data: { organisationId: scope.organisationId, invoiceId: current.id, amountMinor: BigInt(request.amountMinor), paidOn: new Date(`${request.paidOn}T00:00:00Z`), method: request.method, reference: request.reference },
    });
    const status = paymentStatus(current.totalMinor, current.paidMinor + request.amountMinor, current.creditedMinor);
    await tx.invoice.update({ where: { id: current.id }, data: { status } });
    await appendAuditEvent(tx, {
      organisationId: scope.organisationId,
      actorKind: "user",
      actorId: scope.userId,
      action: "invoice.payment_recorded",
      entityType: "invoice",
      entityId: current.id,
      engagementId: current.engagementId,
      before: { status: current.status, paidMinor: current.paidMinor },
      after: { status, paidMinor: current.paidMinor + request.amountMinor },
      data: { paymentId: payment.id, amountMinor: request.amountMinor, paidOn: request.paidOn, method: request.method, reference: request.reference },
    });
    if (status === "paid") await markMilestonesPaid(tx, scope, current);
    return view(await tx.invoice.findUniqueOrThrow({ where: { id: current.id }, include: invoiceInclude }));
  });
}

async function markMilestonesPaid(tx: Tx, scope: OrgScope, invoice: InvoiceView): Promise<void> {
  for (const line of invoice.lines) {
    if (!line.milestoneId) continue;
    const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: line.milestoneId }, select: { id: true, state: true, version: true, engagementId: true } });
    if (milestone.state !== "invoiced") continue;
    await tx.milestone.update({ where: { id: milestone.id }, data: { state: "paid", version: milestone.version + 1 } });
    await appendAuditEvent(tx, {
      organisationId: scope.organisationId,
      actorKind: "user",
      actorId: scope.userId,
      action: "milestone.pay",
      entityType: "milestone",
      entityId: milestone.id,
      engagementId: milestone.engagementId,
      before: { state: "invoiced", version: milestone.version },
      after: { state: "paid", version: milestone.version + 1 },
      data: { invoice: invoice.number },
    });
  }
}

/**
 * Corrects an issued invoice with a credit note of its own series; without an amount it credits
 * the whole invoice, which voids it and makes its milestones invoiceable again.
 */
export async function issueCreditNote(scope: OrgScope, request: { invoiceId: string; reason: string; subtotalMinor?: number; issueDate?: string }, pdf: PdfIssuer): Promise<InvoiceView> {
  return transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invoice" WHERE id = ${request.invoiceId} AND "organisationId" = ${scope.organisationId} FOR UPDATE`;
    if (locked.length === 0) throw new InvoiceRefusal("NOT_FOUND", ["invoice not found"]);
    const original = view(await tx.invoice.findUniqueOrThrow({ where: { id: request.invoiceId }, include: invoiceInclude }));
    if (original.kind !== "invoice" || original.status === "void") throw new InvoiceRefusal("NOT_CREDITABLE", [`${original.number} cannot be credited`]);
    const full = request.subtotalMinor === undefined;
    const creditedSubtotal = full ? original.subtotalMinor : request.subtotalMinor!;
    if (!full && (creditedSubtotal <= 0 || creditedSubtotal >= original.subtotalMinor)) {
      throw new InvoiceRefusal("BAD_AMOUNT", [`a partial credit must be between 1 and ${original.subtotalMinor - 1} minor units before tax; leave it empty to credit everything`]);
    }
    const lines = full
      ? original.lines.map((l) => ({ milestoneId: l.milestoneId, description: l.description, shareBp: l.shareBp, amountMinor: l.amountMinor }))
      : [{ milestoneId: null, description: request.reason, shareBp: null, amountMinor: creditedSubtotal }];
    const totals = full ? { subtotalMinor: original.subtotalMinor, taxMinor: original.taxMinor, totalMinor: original.totalMinor } : invoiceTotals(lines, original.taxRateBp);
    if (original.creditedMinor + totals.totalMinor > original.totalMinor) throw new InvoiceRefusal("BAD_AMOUNT", ["the credit notes would exceed the invoice"]);
    const issueDate = request.issueDate ?? isoDate(new Date());
    const year = Number(issueDate.slice(0, 4));
    const series = seriesKey(DEFAULT_CREDIT_NOTE_PATTERN, year);
    const sequence = await takeNumber(tx, scope.organisationId, series);
    const number = formatDocumentNumber(DEFAULT_CREDIT_NOTE_PATTERN, year, sequence);
    const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: original.engagementId }, select: { title: true, client: { select: { name: true, legalName: true, taxId: true, address: true } } } });
    const stored = await pdf.issue({
      kind: "credit_note",
      number,
      creditedNumber: original.number,
      reason: request.reason,
      issueDate,
      dueDate: issueDate,
      currency: original.currency,
      taxRateBp: original.taxRateBp,
      ...totals,
      seller: await seller(tx, scope.organisationId),
      buyer: engagement.client,
      engagement: engagement.title,
      lines: lines.map((l) => ({ ...l, evidence: [] })),
    });
    await recordPdfBlob(tx, scope.organisationId, stored);
    const note = await tx.invoice.create({
      data: {
        ...documentData(scope.organisationId, { series, sequence, number, currency: original.currency, taxRateBp: original.taxRateBp, totals, issueDate, dueDate: issueDate, pdfSha256: stored.sha256 }, lines),
        engagementId: original.engagementId,
        kind: "credit_note",
        creditedInvoiceId: original.id,
        reason: request.reason,
      },
      include: invoiceInclude,
    });
    const status = paymentStatus(original.totalMinor, original.paidMinor, original.creditedMinor + totals.totalMinor);
    await tx.invoice.update({ where: { id: original.id }, data: { status } });
    await appendAuditEvent(tx, {
      organisationId: scope.organisationId,
      actorKind: "user",
      actorId: scope.userId,
      action: "invoice.credited",
      entityType: "invoice",
      entityId: note.id,
      engagementId: original.engagementId,
      before: { invoice: original.number, status: original.status },
      after: { invoice: original.number, status, creditNote: number, ...totals },
      data: { reason: request.reason, pdfSha256: stored.sha256 },
    });
    if (status === "void") await reopenMilestones(tx, scope, original);
    return view(note);
  });
}

async function reopenMilestones(tx: Tx, scope: OrgScope, invoice: InvoiceView): Promise<void> {
  for (const line of invoice.lines) {
    if (!line.milestoneId) continue;
    const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: line.milestoneId }, select: { id: true, state: true, version: true, engagementId: true, kind: true } });
    if (milestone.state !== "invoiced") continue;
    await tx.milestone.update({ where: { id: milestone.id }, data: { state: "approved", version: milestone.version + 1, invoicedAmountMinor: null } });
    await appendAuditEvent(tx, {
      organisationId: scope.organisationId,
      actorKind: "user",
      actorId: scope.userId,
      action: "milestone.invoice_voided",
      entityType: "milestone",
      entityId: milestone.id,
      engagementId: milestone.engagementId,
      before: { state: "invoiced", version: milestone.version },
      after: { state: "approved", version: milestone.version + 1 },
      data: { invoice: invoice.number },
    });
  }
}

/** The scope's invoices, or one engagement's; null when that engagement is not the scope's to see. */
export async function listInvoices(scope: OrgScope | ClientScope, filter: { engagementId?: string } = {}): Promise<InvoiceView[] | null> {
  if (filter.engagementId) {
    const visible = await prisma().engagement.count({
      where: { id: filter.engagementId, organisationId: scope.organisationId, ...("clientId" in scope ? { clientId: scope.clientId, status: { not: "draft" } } : {}) },
    });
    if (visible === 0) return null;
  }
  const rows = await prisma().invoice.findMany({
    where: {
      organisationId: scope.organisationId,
      ...(filter.engagementId ? { engagementId: filter.engagementId } : {}),
      ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
    },
    include: invoiceInclude,
    orderBy: [{ issueDate: "desc" }, { number: "desc" }],
  });
  return rows.map(view);
}

export async function findInvoice(scope: OrgScope | ClientScope, invoiceId: string): Promise<InvoiceView | null> {
  const row = await prisma().invoice.findFirst({
    where: { id: invoiceId, organisationId: scope.organisationId, ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}) },
    include: invoiceInclude,
  });
  return row ? view(row) : null;
}

/** Where an issued document's PDF is stored (it is served from there, never rendered again). */
export async function invoicePdfLocation(scope: OrgScope | ClientScope, invoiceId: string): Promise<{ number: string; sha256: string; storageKey: string; sizeBytes: number } | null> {
  const invoice = await findInvoice(scope, invoiceId);
  if (!invoice?.pdfSha256) return null;
  const blob = await prisma().blob.findUnique({ where: { organisationId_sha256: { organisationId: scope.organisationId, sha256: invoice.pdfSha256 } } });
  if (!blob) return null;
  return { number: invoice.number, sha256: blob.sha256, storageKey: blob.storageKey, sizeBytes: Number(blob.sizeBytes) };
}
