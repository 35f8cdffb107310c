import { editPackage } from "../../../data/package/write";
import { orgProcedure } from "../../trpc";
import { ZEditPackageInput, ZServicePackageOut } from "./service-package.schema";

/** New fields for a package, made on `revision` (CONFLICT when someone saved since). */
export const editServicePackage = orgProcedure
  .input(ZEditPackageInput)
  .output(ZServicePackageOut)
  .mutation(({ ctx, input }) => editPackage(ctx.scope, input.packageId, input.fields, input.revision));
