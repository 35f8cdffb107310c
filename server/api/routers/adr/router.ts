import { createTRPCRouter } from "../../trpc";
import { acknowledge } from "./acknowledge";
import { createAdrProcedure } from "./create";
import { editAdrProcedure } from "./edit";
import { history } from "./history";
import { linkValidation } from "./link-validation";
import { listAdrs } from "./list";
import { listAdrsAsClient } from "./portal-list";
import { setStatus } from "./set-status";
import { supersede } from "./supersede";
import { validationTargets } from "./validation-targets";

export const adrRouter = createTRPCRouter({
  list: listAdrs,
  create: createAdrProcedure,
  edit: editAdrProcedure,
  setStatus,
  supersede,
  linkValidation,
  validationTargets,
  history,
});

export const portalAdrRouter = createTRPCRouter({ list: listAdrsAsClient, acknowledge });
