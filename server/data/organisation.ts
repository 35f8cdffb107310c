import type { Locale } from "../domain/locale";
import { prisma } from "./client";
import type { OrgScope } from "./scope";

/** The language an organisation's documents are written in. */
export async function organisationLocale(scope: OrgScope): Promise<Locale> {
  const org = await prisma().organisation.findUniqueOrThrow({ where: { id: scope.organisationId }, select: { locale: true } });
  return org.locale === "zh-CN" ? "zh-CN" : "en";
}
