import { createTRPCRouter } from "../../trpc";
import { numbering } from "./numbering";
import { renewals } from "./renewals";
import { seller } from "./seller";
import { updateNumbering } from "./update-numbering";
import { updateRenewals } from "./update-renewals";
import { updateSeller } from "./update-seller";

export const organisationRouter = createTRPCRouter({
  seller,
  updateSeller,
  numbering,
  updateNumbering,
  renewals,
  updateRenewals,
});
