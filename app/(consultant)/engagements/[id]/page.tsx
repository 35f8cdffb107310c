import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AttestForm } from "@/components/attest-form";
import { AuditLog } from "@/components/audit-log";
import { EvidenceList } from "@/components/evidence-list";
import { GateChecklist } from "@/components/gate-checklist";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StateBadge } from "@/components/ui/badge";
import { loadForPage } from "@/server/api/caller";
import { pendingAttestations } from "@/server/domain/attestation";
import { formatMoney, minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import { formatIsoDate, formatShareBp } from "@/server/domain/format";
import { ApiTokens } from "./_components/api-tokens";
import { ChangeOrderForm } from "./_components/change-order-form";
import { EndEngagement } from "./_components/end-engagement";
import { RunProbesButton } from "./_components/run-probes-button";
import { EvidenceUpload } from "./_components/evidence-upload";
import { ReverifyButton } from "./_components/reverify-button";
import { MilestoneActions } from "./_components/milestone-actions";
import { PortalSettings } from "./_components/portal-settings";
import { InvoiceActions } from "./_components/invoice-actions";
import { IssueInvoice } from "./_components/issue-invoice";
import { AdrList } from "@/components/adr-list";
import { AdrImport } from "./_components/adr-import";
import { InvoiceTable } from "@/components/invoice-table";

export const dynamic = "force-dynamic";

export default async function EngagementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, audit, invoices, adrs] = await loadForPage((api) =>
    Promise.all([api.engagement.get({ id }), api.engagement.audit({ engagementId: id }), api.invoice.list({ engagementId: id }), api.adr.list({ engagementId: id })]),
  );
  const t = await getTranslations();
  const locale = await getLocale();
  const money = (amount: number) => formatMoney(amount, engagement.currency, locale);
  const facts = [
    [t("engagement.client"), engagement.client.name],
    [t("engagement.fee"), money(engagement.feeMinor)],
    [t("engagement.tax"), formatShareBp(engagement.taxRateBp, locale)],
    [t("engagement.startDate"), formatIsoDate(engagement.startDate, locale)],
    [t("engagement.status"), t(`engagementStatus.${engagement.status}`)],
  ] as const;
  return (
    <>
      <Link href="/engagements" className="text-sm text-teal-800 hover:underline">
        ← {t("engagement.back")}
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold">{engagement.title}</h1>
        {engagement.milestones.every((m) => m.state === "planned" && m.evidenceCount === 0) && (
          <Button asChild variant="secondary">
            <Link href={`/engagements/${engagement.id}/plan`}>{t("engagement.editPlan")}</Link>
          </Button>
        )}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>

      <h2 className="mt-8 text-lg font-semibold">{t("engagement.milestones")}</h2>
      <ol className="mt-3 space-y-4" aria-label={t("engagement.milestones")}>
        {engagement.milestones.map((m, index) => (
          <li key={m.id} data-milestone={m.key} data-milestone-id={m.id}>
            <Card className="grid gap-4 p-4 md:grid-cols-[1fr_1.3fr]">
              <div>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{index + 1}</span>
                  <h3 className="font-semibold">{m.title}</h3>
                  {m.kind === "prepaid" && <span className="text-xs text-slate-500">({t("engagement.prepaid")})</span>}
                  <StateBadge state={m.state} label={t(`milestoneState.${m.state}`)} />
                </div>
                <p className="mt-2 text-sm text-slate-700">
                  <span className="tabular-nums">{formatShareBp(m.shareBp, locale)}</span> ·{" "}
                  <span className="font-medium tabular-nums" data-testid="milestone-amount">
                    {money(m.amountMinor)}
                  </span>{" "}
                  · <span className="text-slate-500">{t("gate.evidenceCount", { count: m.evidenceCount })}</span>
                </p>
                <div className="mt-3">
                  <MilestoneActions milestoneId={m.id} actions={m.actions} title={m.title} />
                </div>
              </div>
              <div>
                <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {m.gate.open ? t("gate.open") : t("gate.closed")}
                </p>
                <GateChecklist checks={m.gate.checks} approved={m.approved} needsApproval={m.kind === "standard"} />
                {pendingAttestations(m.gate.checks, "consultant").map((pending) => (
                  <div key={pending.requirementId} className="mt-3">
                    <AttestForm milestoneId={m.id} statement={pending.statement} area="consultant" />
                  </div>
                ))}
              </div>
              <div className="space-y-3 border-t border-slate-100 pt-3 md:col-span-2">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("evidence.title")}</p>
                <EvidenceList evidence={m.evidence} actions={(item) => (item.downloadable ? <ReverifyButton evidenceId={item.id} /> : null)} />
                <EvidenceUpload milestoneId={m.id} title={m.title} />
                {m.gate.checks.some((c) => c.kind === "git-tag" || c.kind === "http-probe") && <RunProbesButton milestoneId={m.id} />}
                {m.evidence.some((e) => e.kind === "go-bench") && (
                  <Link href={`/engagements/${engagement.id}/milestones/${m.id}/benchmarks`} className="block text-xs text-teal-800 underline" data-testid="benchmark-report-link">
                    {t("evidence.benchmarkReport")}
                  </Link>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ol>

      <details className="mt-8">
        <summary className="cursor-pointer text-lg font-semibold">{t("changeOrder.title")}</summary>
        <Card className="mt-3">
          <ChangeOrderForm
            engagementId={engagement.id}
            currency={engagement.currency}
            feeMinor={engagement.feeMinor}
            milestones={engagement.milestones.map((m) => ({
              id: m.id,
              title: m.title,
              state: m.state,
              shareBp: m.shareBp,
              amountMinor: m.amountMinor,
              invoicedAmountMinor: m.invoicedAmountMinor,
            }))}
          />
        </Card>
      </details>

      <details className="mt-4">
        <summary className="cursor-pointer text-lg font-semibold">{t("tokens.title")}</summary>
        <Card className="mt-3">
          <ApiTokens engagementId={engagement.id} milestones={engagement.milestones.map((m) => ({ id: m.id, key: m.key }))} />
        </Card>
      </details>

      <h2 className="mt-8 text-lg font-semibold">{t("invoices.title")}</h2>
      <Card className="mt-3">
        <InvoiceTable
          invoices={invoices}
          actions={(invoice) =>
            invoice.kind === "invoice" && invoice.status !== "void" && invoice.status !== "paid" ? (
              <InvoiceActions
                invoiceId={invoice.id}
                number={invoice.number}
                currency={invoice.currency}
                outstandingMajor={minorToDecimal(invoice.totalMinor - invoice.paidMinor - (invoices.find((i) => i.id === invoice.id)?.creditedMinor ?? 0), minorUnitDigits(invoice.currency))}
              />
            ) : null
          }
        />
        <div className="border-t border-slate-100 p-4">
          <h3 className="mb-2 font-medium">{t("invoices.issueTitle")}</h3>
          <IssueInvoice
            engagementId={engagement.id}
            candidates={engagement.milestones.filter((m) => m.actions.includes("invoice") && m.gate.open).map((m) => ({ id: m.id, title: m.title, amount: money(m.amountMinor) }))}
          />
        </div>
      </Card>

      <h2 className="mt-8 text-lg font-semibold">{t("adrs.title")}</h2>
      <Card className="mt-3">
        <AdrList adrs={adrs} basePath={`/engagements/${engagement.id}/adrs`} engagementApi={`/api/v1/engagements/${engagement.id}`} />
        <div className="flex flex-wrap gap-3 border-t border-slate-100 p-4">
          <a href={`/engagements/${engagement.id}/adrs/new`} className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
            {t("adrs.new")}
          </a>
        </div>
        <div className="border-t border-slate-100 p-4">
          <h3 className="mb-2 font-medium">{t("adrs.importTitle")}</h3>
          <AdrImport engagementId={engagement.id} />
        </div>
      </Card>

      <h2 className="mt-8 text-lg font-semibold">{t("portalSettings.title")}</h2>
      <Card className="mt-3 p-4">
        <PortalSettings engagementId={engagement.id} hideAmountsFromViewers={engagement.hideAmountsFromViewers} deemedAcceptanceDays={engagement.deemedAcceptanceDays} />
      </Card>

      {(engagement.status === "active" || engagement.status === "draft") && (
        <>
          <h2 className="mt-8 text-lg font-semibold">{t("endEngagement.title")}</h2>
          <Card className="mt-3 p-4">
            <EndEngagement engagementId={engagement.id} />
          </Card>
        </>
      )}

      <h2 className="mt-8 text-lg font-semibold">{t("audit.title")}</h2>
      <p className="text-sm text-slate-600">{t("audit.intro")}</p>
      <Card className="mt-3">
        <AuditLog events={audit} />
      </Card>
    </>
  );
}
