import { createTRPCRouter } from "../../trpc";
import { actionItems } from "./action-items";
import { clause } from "./clause";
import { clauses } from "./clauses";
import { closeActionItem } from "./close-action-item";
import { compliance } from "./compliance";
import { createClause } from "./create";
import { editClause } from "./edit";
import { issueCreditNote } from "./issue-credit-note";
import { actionItemsAsClient } from "./portal-action-items";
import { complianceAsClient } from "./portal-compliance";
import { retireClause } from "./retire";
import { uploadMeasurements } from "./upload-measurements";

export const slaRouter = createTRPCRouter({
  clauses,
  clause,
  create: createClause,
  edit: editClause,
  retire: retireClause,
  compliance,
  actionItems,
  closeActionItem,
  issueCreditNote,
  uploadMeasurements,
});

export const portalSlaRouter = createTRPCRouter({ compliance: complianceAsClient, actionItems: actionItemsAsClient });
