import { resolveLocale, type Locale } from "../domain/locale";
import { userLocale } from "../data/user/sign-in";
import type { SessionClaims } from "../auth";

/** The signed-in user's language setting wins; otherwise the browser's Accept-Language. */
export async function localeFor(session: SessionClaims | null, acceptLanguage: string | null): Promise<Locale> {
  return resolveLocale(session ? await userLocale(session.userId) : null, acceptLanguage);
}
