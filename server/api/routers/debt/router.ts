import { createTRPCRouter } from "../../trpc";
import { createDebt } from "./create";
import { deleteDebt } from "./delete";
import { editDebt } from "./edit";
import { listDebt } from "./list";
import { debtRevisions } from "./revisions";

export const debtRouter = createTRPCRouter({
  list: listDebt,
  create: createDebt,
  edit: editDebt,
  delete: deleteDebt,
  revisions: debtRevisions,
});
