import { z } from "zod";
import { ZLocale } from "../../../domain/locale";
import { ZServicePackageFields } from "../../../domain/proposal/package";
import { QUANTITY_PROBLEM_CODES } from "../../../domain/proposal/price";
import { ZPrice, ZQuantities } from "../../../domain/proposal/pricing";
import { ZEntityId } from "../../../domain/schemas";

export const ZServicePackageOut = ZServicePackageFields.extend({
  id: z.string(),
  revision: z.number().int(),
  archived: z.boolean(),
  proposalCount: z.number().int(),
  updatedAt: z.string(),
});

export const ZListPackagesInput = z.strictObject({ includeArchived: z.boolean().default(false) });
export const ZPackageInput = z.strictObject({ packageId: ZEntityId });
export const ZCreatePackageInput = z.strictObject({ fields: ZServicePackageFields });
export const ZEditPackageInput = z.strictObject({
  packageId: ZEntityId,
  /** the revision the edit was made on */
  revision: z.number().int().min(1),
  fields: ZServicePackageFields,
});
export const ZArchivePackageInput = z.strictObject({ packageId: ZEntityId, archived: z.boolean() });

export const ZQuoteInput = z.strictObject({
  packageId: ZEntityId,
  quantities: ZQuantities.default({}),
  /** the language the formula is written in */
  locale: ZLocale.default("en"),
});

export const ZQuoteOut = z.object({
  currency: z.string(),
  /** null when the quantities cannot be priced at all (the problems say why) */
  price: ZPrice.nullable(),
  problems: z.array(
    z.object({
      key: z.string(),
      code: z.enum(QUANTITY_PROBLEM_CODES),
      message: z.string(),
      params: z.object({ label: z.string(), min: z.number().optional(), max: z.number().optional() }),
    }),
  ),
});
