import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh-CN.json";
import { MilestoneListEditor } from "@/components/engagement-plan/milestone-list-editor";
import { DEFAULT_PACKAGES, PRIVATE_DEPLOYMENT } from "@/server/domain/proposal/default-packages";
import { ZServicePackageFields, type ServicePackageView } from "@/server/domain/proposal/package";
import { draftFromFields, pricingFromDraft } from "./form-values";
import { PackageClauses } from "./package-clauses";
import { PackageTable } from "./package-table";
import { PricePreview } from "./price-preview";
import { RateCardEditor } from "./rate-card-editor";

// The package pages' pieces rendered with the real catalogs in both languages; a missing word fails.

function render(node: ReactNode, locale: "en" | "zh-CN" = "en"): string {
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: locale === "en" ? en : zh,
      timeZone: "UTC",
      onError: (error) => {
        throw error;
      },
      children: node,
    }),
  );
}

const views: ServicePackageView[] = DEFAULT_PACKAGES.map((input, index) => ({
  ...ZServicePackageFields.parse(input),
  id: `p${index}`,
  revision: 1,
  archived: index === 2,
  proposalCount: 0,
  updatedAt: "2026-12-01T00:00:00.000Z",
}));
const deployment = draftFromFields(ZServicePackageFields.parse(PRIVATE_DEPLOYMENT));
const noop = () => undefined;

describe("package views", () => {
  it("lists packages with business, tier, pricing, milestone and clause counts, archived marked", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const html = render(createElement(PackageTable, { packages: views }), locale);
      expect(html).toContain('data-package="Private deployment"');
      expect(html).toContain(locale === "en" ? "Private deployment</td>" : "私有化部署");
      expect(html).toContain(locale === "en" ? "Archived" : "已归档");
    }
    const html = render(createElement(PackageTable, { packages: views }));
    expect(html).toContain("Formula: CN¥540,000.00 at the defaults (by Nodes, Daily volume, Retention)");
    expect(html).toContain("Fixed: CN¥120,000.00");
  });

  it("shows the live price at the defaults with its formula and the milestones' split", () => {
    const { rule } = pricingFromDraft(deployment, "bad");
    const milestones = deployment.milestones.map((m) => ({
      key: m.key,
      title: m.title,
      shareBp: Number(m.shareText) * 100,
    }));
    const html = render(createElement(PricePreview, { rule, ruleReadable: true, currency: "CNY", milestones }));
    expect(html).toContain("CN¥540,000.00");
    expect(html).toContain("= CNY 540,000.00");
    // 15 % of 540,000
    expect(html).toContain("CN¥81,000.00");
    const unreadable = render(
      createElement(PricePreview, { rule, ruleReadable: false, currency: "CNY", milestones }),
      "zh-CN",
    );
    expect(unreadable).toContain("填写完整定价后显示价格");
  });

  it("renders the rate card, the milestone template and the SLA clauses with their field problems", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const card = render(
        createElement(RateCardEditor, {
          lines: deployment.rateCard,
          onChange: noop,
          errors: { "pricing.rateCard.1.rateMinor": ["an amount"] },
          currency: "CNY",
        }),
        locale,
      );
      expect(card).toContain('data-rate-line="daily_volume"');
      expect(card).toContain('data-field-error="pricing.rateCard.1.rateMinor"');
      const milestones = render(
        createElement(MilestoneListEditor, {
          milestones: deployment.milestones,
          onChange: noop,
          errors: { milestones: ["shares sum to 90%, not 100%"], "milestones.1.key": ["used twice"] },
        }),
        locale,
      );
      expect(milestones).toContain('data-field-error="milestones"');
      expect(milestones).toContain("key: used twice");
      const clauses = render(
        createElement(PackageClauses, {
          clauses: ZServicePackageFields.parse(PRIVATE_DEPLOYMENT).slaClauses,
          onChange: noop,
          currency: "CNY",
          errors: {},
        }),
        locale,
      );
      expect(clauses).toContain('data-testid="clause-terms"');
    }
  });
});
