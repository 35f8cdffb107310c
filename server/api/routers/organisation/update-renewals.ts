import { updateRenewalSettings } from "../../../data/organisation/settings";
import { orgProcedure } from "../../trpc";
import { ZRenewalSettings, ZUpdateRenewalSettingsInput } from "./organisation.schema";
import { ownerOnly } from "./owner-only";

/** Owners only: whether the renewal job issues the maintenance invoices it drafts. */
export const updateRenewals = orgProcedure
  .input(ZUpdateRenewalSettingsInput)
  .output(ZRenewalSettings)
  .mutation(({ ctx, input }) => {
    ownerOnly(ctx.scope.role);
    return updateRenewalSettings(ctx.scope, input);
  });
