import { z } from "zod";
import { listPackages } from "../../../data/package/read";
import { orgProcedure } from "../../trpc";
import { ZListPackagesInput, ZServicePackageOut } from "./service-package.schema";

/** The organisation's packages by name; archived ones only when asked for. */
export const listServicePackages = orgProcedure
  .input(ZListPackagesInput)
  .output(z.array(ZServicePackageOut))
  .query(({ ctx, input }) => listPackages(ctx.scope, { includeArchived: input.includeArchived }));
