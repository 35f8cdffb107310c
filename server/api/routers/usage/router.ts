import { createTRPCRouter } from "../../trpc";
import { issueUsageInvoiceProcedure } from "./invoice";
import { createMeterProcedure } from "./meter-create";
import { listMetersProcedure } from "./meter-list";
import { usageReportProcedure } from "./report";

export const usageRouter = createTRPCRouter({
  meter: createTRPCRouter({ create: createMeterProcedure, list: listMetersProcedure }),
  report: usageReportProcedure,
  invoice: issueUsageInvoiceProcedure,
});
