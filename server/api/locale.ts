import { resolveLocale, type Locale } from "../domain/locale";
import { getActiveUser } from "../data/users";
import type { SessionClaims } from "../auth";

/** The signed-in user's language setting wins; otherwise the browser's Accept-Language. */
export async function localeFor(session: SessionClaims | null, acceptLanguage: string | null): Promise<Locale> {
  const me = session ? await getActiveUser(session.userId) : null;
  return resolveLocale(me?.locale, acceptLanguage);
}
