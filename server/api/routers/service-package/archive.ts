import { archivePackage } from "../../../data/package/write";
import { orgProcedure } from "../../trpc";
import { ZArchivePackageInput, ZServicePackageOut } from "./service-package.schema";

/** Archives a package (no new proposals from it) or restores it; a package is never deleted. */
export const archiveServicePackage = orgProcedure
  .input(ZArchivePackageInput)
  .output(ZServicePackageOut)
  .mutation(({ ctx, input }) => archivePackage(ctx.scope, input.packageId, input.archived));
