import { formatMoney, minorUnitDigits } from "../currency";
import { documentWords, fill, type DocumentWords } from "../document-words";
import type { GateRequirement } from "../gate";
import { taxMinor } from "../invoice";
import type { Locale } from "../locale";
import { creditText, termsText } from "../sla/report-document";
import type { TechnicalTarget } from "../objective/objective";
import { computePrice } from "./price";
import type { ProposalView } from "./proposal";

// A proposal as a document (templates/proposal.tsx draws it): who offers what to whom, the price
// with its formula written out line by line, the milestones with their shares, amounts and what
// opens each gate, the SLA clauses in the SLA documents' words, the objectives, and how to accept.

export interface ProposalDocumentSource {
  proposal: ProposalView;
  seller: { name: string; legalName: string | null; address: string | null; taxId: string | null };
  client: { name: string; legalName: string | null; address: string | null };
}

export interface DocumentFact {
  label: string;
  value: string;
}

export interface ProposalDocument {
  locale: Locale;
  title: string;
  heading: string;
  facts: DocumentFact[];
  parties: { label: string; lines: string[] }[];
  packageLabel: string;
  packageLine: string;
  includesLabel: string;
  includes: string[];
  priceLabel: string;
  priceLines: DocumentFact[];
  formula: string;
  totals: DocumentFact[];
  milestonesLabel: string;
  columns: DocumentWords<"proposal">["columns"];
  milestones: { title: string; share: string; amount: string; gate: string }[];
  slaLabel: string;
  slaClauses: { title: string; terms: string; credit: string }[];
  noSla: string | null;
  objectivesLabel: string;
  objectives: { headline: string; details: string[] }[];
  noObjectives: string | null;
  acceptance: string;
  pageLabel: string;
}

type Words = DocumentWords<"proposal">;

const numberText = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: true }).format(value);

const percentText = (basisPoints: number, locale: Locale) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;

/** An exact decimal string of minor units (a line's product) as money; a fraction of a minor unit is kept. */
function exactMoney(amountExact: string, currency: string, locale: Locale): string {
  const [whole = "0", fraction = ""] = amountExact.split(".");
  if (!fraction) return formatMoney(Number(whole), currency, locale);
  const digits = minorUnitDigits(currency);
  const padded = whole.padStart(digits + 1, "0");
  const major =
    digits === 0 ? `${whole}.${fraction}` : `${padded.slice(0, -digits)}.${padded.slice(-digits)}${fraction}`;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits + fraction.length,
  }).format(major as unknown as number);
}

function gateText(requirement: GateRequirement, words: Words): string {
  const params = Object.fromEntries(
    Object.entries(requirement.params).map(([key, value]) => [key, String(value ?? "")]),
  );
  return fill(words.gate[requirement.kind], params);
}

function targetText(target: TechnicalTarget, locale: Locale): string {
  const comparator = { lte: "≤", lt: "<", gte: "≥", gt: ">", eq: "=" }[target.comparator];
  const percentile = target.percentile === null ? "" : ` P${numberText(target.percentile, locale)}`;
  return `${target.metric}${percentile} ${comparator} ${numberText(target.value, locale)} ${target.unit}`;
}

export function proposalDocument(source: ProposalDocumentSource, locale: Locale): ProposalDocument {
  const words = documentWords(locale, "proposal");
  const slaWords = documentWords(locale, "slaReport");
  const { proposal, seller, client } = source;
  const { offer, currency } = proposal;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const price = computePrice(offer.pricing, offer.quantities, currency, locale);
  const tax = taxMinor(proposal.priceMinor, proposal.taxRateBp);
  const priceLines: DocumentFact[] =
    offer.pricing.type === "fixed"
      ? [{ label: words.fixedPrice, value: money(price.totalMinor) }]
      : [
          { label: words.base, value: money(price.baseMinor) },
          ...price.lines.map((line) => ({
            label: fill(words.priceLine, {
              label: line.label,
              quantity: numberText(line.quantity, locale),
              unit: line.unit,
              rate: money(line.rateMinor),
              amount: exactMoney(line.amountExact, currency, locale),
            }),
            value: exactMoney(line.amountExact, currency, locale),
          })),
        ];
  return {
    locale,
    title: `${words.title} ${proposal.number}`,
    heading: proposal.title,
    facts: [
      { label: words.number, value: proposal.number },
      { label: words.date, value: proposal.createdAt.slice(0, 10) },
      { label: words.validUntil, value: proposal.validUntil },
      { label: words.startDate, value: proposal.startDate },
      { label: words.paymentTerms, value: fill(words.paymentTermsDays, { days: String(proposal.paymentTermsDays) }) },
    ],
    parties: [
      {
        label: words.seller,
        lines: [
          seller.legalName || seller.name,
          ...(seller.address ? seller.address.split("\n") : []),
          ...(seller.taxId ? [fill(words.taxId, { taxId: seller.taxId })] : []),
        ],
      },
      {
        label: words.client,
        lines: [client.legalName || client.name, ...(client.address ? client.address.split("\n") : [])],
      },
    ],
    packageLabel: words.package,
    packageLine: fill(words.packageLine, {
      name: offer.package.name,
      business: words.businesses[offer.package.business],
      tier: words.tiers[offer.package.tier],
    }),
    includesLabel: words.includes,
    includes: offer.milestones.map((m) => m.title),
    priceLabel: words.price,
    priceLines,
    formula: fill(words.formula, { formula: price.formula }),
    totals: [
      { label: words.subtotal, value: money(proposal.priceMinor) },
      { label: fill(words.tax, { rate: percentText(proposal.taxRateBp, locale) }), value: money(tax) },
      { label: words.total, value: money(proposal.priceMinor + tax) },
    ],
    milestonesLabel: words.milestones,
    columns: words.columns,
    milestones: offer.milestones.map((milestone, index) => {
      const gates = milestone.requirements.map((r) => gateText(r, words));
      const gate =
        milestone.kind === "prepaid"
          ? [words.prepaid, ...gates].join("; ")
          : gates.length > 0
            ? `${gates.join("; ")}; ${words.andApproval}`
            : words.approvalOnly;
      return {
        title: milestone.title,
        share: percentText(milestone.shareBp, locale),
        amount: money(proposal.milestoneAmountsMinor[index] ?? 0),
        gate,
      };
    }),
    slaLabel: words.sla,
    slaClauses: offer.slaClauses.map((terms) => ({
      title: terms.title,
      terms: termsText(terms, slaWords, locale),
      credit: `${words.credit}: ${creditText(terms, currency, slaWords, locale)}`,
    })),
    noSla: offer.slaClauses.length === 0 ? words.noSla : null,
    objectivesLabel: words.objectives,
    objectives: offer.objectives.map((objective) => ({
      headline: fill(words.objectiveTarget, { pain: objective.pain, target: targetText(objective.target, locale) }),
      details: [
        ...(objective.businessGoal ? [fill(words.objectiveGoal, { goal: objective.businessGoal })] : []),
        ...(objective.baseline !== null
          ? [
              fill(words.objectiveBaseline, {
                baseline: numberText(objective.baseline, locale),
                unit: objective.target.unit,
              }),
            ]
          : []),
      ],
    })),
    noObjectives: offer.objectives.length === 0 ? words.noObjectives : null,
    acceptance: fill(words.acceptance, { date: proposal.validUntil }),
    pageLabel: words.page,
  };
}
