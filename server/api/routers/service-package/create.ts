import { createPackage } from "../../../data/package/write";
import { orgProcedure } from "../../trpc";
import { ZCreatePackageInput, ZServicePackageOut } from "./service-package.schema";

export const createServicePackage = orgProcedure
  .input(ZCreatePackageInput)
  .output(ZServicePackageOut)
  .mutation(({ ctx, input }) => createPackage(ctx.scope, input.fields));
