import { createTRPCRouter } from "../../trpc";
import { createMaintenanceContract } from "./create";
import { issueMaintenanceTerm } from "./issue-term";
import { listMaintenanceContracts } from "./list";
import { updateMaintenanceContract } from "./update";

export const maintenanceRouter = createTRPCRouter({
  list: listMaintenanceContracts,
  create: createMaintenanceContract,
  update: updateMaintenanceContract,
  issueTerm: issueMaintenanceTerm,
});
