import { prisma } from "../prisma-client";
import { DataRefusal } from "../refusal";
import type { ActorScope } from "../scope";

/** The stored artifact behind an evidence item the scope may see (client users: their client's). */
export async function findEvidenceBlob(scope: ActorScope, evidenceId: string) {
  const evidence = await prisma().evidence.findFirst({
    where: {
      id: evidenceId,
      organisationId: scope.organisationId,
      ...("clientId" in scope
        ? { milestone: { engagement: { clientId: scope.clientId, status: { not: "draft" } } } }
        : {}),
    },
    select: { sha256: true, filename: true, blob: { select: { storageKey: true, sizeBytes: true } } },
  });
  if (!evidence?.blob) throw new DataRefusal("NOT_FOUND", ["evidence not found"]);
  return {
    sha256: evidence.sha256,
    filename: evidence.filename,
    storageKey: evidence.blob.storageKey,
    sizeBytes: Number(evidence.blob.sizeBytes),
  };
}
