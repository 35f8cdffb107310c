import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** Owners only (the procedure refuses anyone else): the organisation's background jobs, a page at a time. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const requested = Number.parseInt((await searchParams).page ?? "1", 10);
  const page = Number.isSafeInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const result = await loadForPage((api) => api.job.list({ page }));
  const t = await getTranslations("jobs");
  const when = new Intl.DateTimeFormat(await getLocale(), {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  });
  const link = "text-sm text-teal-800 underline-offset-2 hover:underline";
  return (
    <>
      <Link href="/settings" className={link}>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <Card className="mt-6">
        {result.jobs.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table aria-label={t("title")}>
            <thead>
              <tr>
                <Th>{t("job")}</Th>
                <Th>{t("state")}</Th>
                <Th>{t("attempts")}</Th>
                <Th>{t("created")}</Th>
                <Th>{t("completed")}</Th>
                <Th>{t("error")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.jobs.map((job) => (
                <tr key={job.id} data-job={job.name} data-state={job.state}>
                  <Td>{t(`names.${job.name}`)}</Td>
                  <Td>{t(`states.${job.state}`)}</Td>
                  <Td>
                    {t("attemptsOf", { count: job.startedAt ? job.retryCount + 1 : 0, limit: job.retryLimit + 1 })}
                  </Td>
                  <Td>{when.format(new Date(job.createdAt))} UTC</Td>
                  <Td>{job.completedAt ? `${when.format(new Date(job.completedAt))} UTC` : ""}</Td>
                  <Td className="max-w-md break-words text-red-800">{job.error ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <nav className="mt-4 flex items-center gap-4" aria-label={t("page", { page })}>
        {page > 1 && (
          <Link href={`/settings/jobs?page=${page - 1}`} className={link}>
            {t("previous")}
          </Link>
        )}
        <span className="text-sm text-slate-600">{t("page", { page })}</span>
        {result.hasMore && (
          <Link href={`/settings/jobs?page=${page + 1}`} className={link}>
            {t("next")}
          </Link>
        )}
      </nav>
    </>
  );
}
