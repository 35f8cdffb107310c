import { numberingSettings } from "../../../data/organisation/settings";
import { orgProcedure } from "../../trpc";
import { ZNumbering } from "./organisation.schema";

export const numbering = orgProcedure.output(ZNumbering).query(({ ctx }) => numberingSettings(ctx.scope));
