import { createTRPCRouter } from "../../trpc";
import { objectiveChoicesProcedure } from "./choices";
import { createObjectiveProcedure } from "./create";
import { deleteObjectiveProcedure } from "./delete";
import { editObjectiveProcedure } from "./edit";
import { listObjectivesProcedure } from "./list";

export const objectiveRouter = createTRPCRouter({
  list: listObjectivesProcedure,
  create: createObjectiveProcedure,
  edit: editObjectiveProcedure,
  delete: deleteObjectiveProcedure,
  choices: objectiveChoicesProcedure,
});
