import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeFor } from "../api/locale";
import { getSessionClaims } from "../auth";
import { messagesFor } from "./messages";

export default getRequestConfig(async () => {
  const locale = await localeFor(await getSessionClaims(), (await headers()).get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
