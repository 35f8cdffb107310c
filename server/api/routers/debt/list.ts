import { debtRegister } from "../../../data/debt/register";
import { rankDebt } from "../../../domain/debt/money";
import type { DebtItemView } from "../../../domain/debt/item";
import type { RoiDebtInput } from "../../../domain/roi/inputs";
import { orgProcedure } from "../../trpc";
import { ZDebtRegisterOut, ZEngagementDebtInput } from "./debt.schema";

// the ranking reads each item's money and effort, never its month
const rankable = (item: DebtItemView): RoiDebtInput => ({
  id: item.id,
  title: item.title,
  impact: item.impact,
  plAccount: item.plAccount,
  costPerQuarterMinor: item.costPerQuarterMinor,
  fixDays: item.fixDays,
  fixMonth: null,
  componentId: item.componentId,
});

/** The register with its WSJF ranking; amounts are for consultants (the client sees the shared ROI report). */
export const listDebt = orgProcedure
  .input(ZEngagementDebtInput)
  .output(ZDebtRegisterOut)
  .query(async ({ ctx, input }) => {
    const register = await debtRegister(ctx.scope, input.engagementId);
    return { ...register, figures: rankDebt(register.items.map(rankable), register.dayRateMinor) };
  });
