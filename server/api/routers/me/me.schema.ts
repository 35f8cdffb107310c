import { z } from "zod";
import { ZLocale } from "../../../domain/locale";
import { ZSessionRole } from "../../../domain/roles";

export const ZMeOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZSessionRole,
  locale: ZLocale.nullable(),
  organisationName: z.string(),
  clientName: z.string().nullable(),
});

/** null: follow the browser's language again */
export const ZSetLocaleInput = z.strictObject({ locale: ZLocale.nullable() });
export const ZSetLocaleOut = z.object({ locale: ZLocale.nullable() });
