import { z } from "zod";
import { ZNewPassword } from "../../../domain/password-rules";
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

export const ZChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZNewPassword,
});
/** Every session of the user has ended, this one too: the caller signs in again with the new password. */
export const ZChangePasswordOut = z.object({ changed: z.literal(true), email: z.string() });
