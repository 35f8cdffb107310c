import { createTRPCRouter } from "../../trpc";
import { archiveServicePackage } from "./archive";
import { createServicePackage } from "./create";
import { editServicePackage } from "./edit";
import { getServicePackage } from "./get";
import { listServicePackages } from "./list";
import { quoteServicePackage } from "./quote";

export const servicePackageRouter = createTRPCRouter({
  list: listServicePackages,
  get: getServicePackage,
  create: createServicePackage,
  edit: editServicePackage,
  archive: archiveServicePackage,
  quote: quoteServicePackage,
});
