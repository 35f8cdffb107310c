import { z } from "zod";

export const LOCALES = ["en", "zh-CN"] as const;
export const ZLocale = z.enum(LOCALES);
export type Locale = z.infer<typeof ZLocale>;
export const DEFAULT_LOCALE: Locale = "en";

/** Maps any language tag to a supported locale, or undefined when we have no catalog for it. */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === "" || lower === "*") return undefined;
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower === "en" || lower.startsWith("en-")) return "en";
  return undefined;
}

/** Picks the locale from an Accept-Language header by q-value, falling back to English. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = matchLocale(entry.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The user's own setting wins; otherwise the browser's preference. */
export function resolveLocale(
  userSetting: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  const parsed = ZLocale.safeParse(userSetting);
  return parsed.success ? parsed.data : negotiateLocale(acceptLanguage);
}
