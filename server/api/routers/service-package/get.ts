import { getPackage } from "../../../data/package/read";
import { orgProcedure } from "../../trpc";
import { ZPackageInput, ZServicePackageOut } from "./service-package.schema";

export const getServicePackage = orgProcedure
  .input(ZPackageInput)
  .output(ZServicePackageOut)
  .query(({ ctx, input }) => getPackage(ctx.scope, input.packageId));
