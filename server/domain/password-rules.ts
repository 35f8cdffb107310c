import { z } from "zod";

/** A password anyone may choose: long enough to resist guessing, short enough for bcrypt. */
export const PASSWORD_RULES = { min: 10, max: 72 } as const;

/** Every new password (setup, invitation, change) is checked by this one schema. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_RULES.min, `at least ${PASSWORD_RULES.min} characters`)
  .max(PASSWORD_RULES.max, `at most ${PASSWORD_RULES.max} characters`);
