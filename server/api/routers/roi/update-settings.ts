import { updateRoiSettings } from "../../../data/roi/settings";
import { orgProcedure } from "../../trpc";
import { ZRoiSettingsOut, ZUpdateRoiSettingsInput } from "./roi.schema";

export const updateSettings = orgProcedure
  .input(ZUpdateRoiSettingsInput)
  .output(ZRoiSettingsOut)
  .mutation(({ ctx, input: { engagementId, ...change } }) => updateRoiSettings(ctx.scope, engagementId, change));
