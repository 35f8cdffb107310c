import { renewalSettings } from "../../../data/organisation/settings";
import { orgProcedure } from "../../trpc";
import { ZRenewalSettings } from "./organisation.schema";

export const renewals = orgProcedure.output(ZRenewalSettings).query(({ ctx }) => renewalSettings(ctx.scope));
