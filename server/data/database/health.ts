import { prisma } from "../prisma-client";

/** A real round trip to the database, bounded in time so a hung connection reports as down. */
export async function pingDatabase(timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = prisma().$queryRaw<{ ok: number }[]>`SELECT 1::int AS ok`
    .then((rows) => rows[0]?.ok === 1)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
