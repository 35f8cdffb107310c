import { createTRPCRouter } from "../../trpc";
import { addSystemDependency } from "./add-dependency";
import { attachToSystemComponent } from "./attach";
import { createSystemComponent } from "./create-component";
import { deleteSystemComponent } from "./delete-component";
import { editSystemComponent } from "./edit-component";
import { getSystemMap } from "./get";
import { removeSystemDependency } from "./remove-dependency";

export const systemMapRouter = createTRPCRouter({
  get: getSystemMap,
  createComponent: createSystemComponent,
  editComponent: editSystemComponent,
  deleteComponent: deleteSystemComponent,
  addDependency: addSystemDependency,
  removeDependency: removeSystemDependency,
  attach: attachToSystemComponent,
});
