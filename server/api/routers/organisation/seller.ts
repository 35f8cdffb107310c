import { sellerDetails } from "../../../data/organisation/settings";
import { orgProcedure } from "../../trpc";
import { ZSeller } from "./organisation.schema";

export const seller = orgProcedure.output(ZSeller).query(({ ctx }) => sellerDetails(ctx.scope));
