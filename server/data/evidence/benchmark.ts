import type { Prisma } from "@prisma/client";
import { prisma } from "../prisma-client";
import { DataRefusal } from "../refusal";
import type { ClientScope, EvidenceWriter, OrgScope } from "../scope";

// The go-bench files a comparison needs. The baseline belongs to the engagement: the newest
// go-bench evidence marked "baseline" on any of its milestones (a run measured at the review can
// be the yardstick of the proof of concept). A milestone's current benchmark is its newest
// go-bench evidence that is not a baseline. Only stored files count: a comparison reads them.

export interface StoredBenchmark {
  evidenceId: string;
  sha256: string;
  filename: string | null;
  createdAt: string;
  storageKey: string;
  milestoneId: string;
  milestoneTitle: string;
}

const storedSelect = {
  id: true,
  sha256: true,
  filename: true,
  createdAt: true,
  blob: { select: { storageKey: true } },
  milestone: { select: { id: true, title: true } },
} satisfies Prisma.EvidenceSelect;

type StoredRow = Prisma.EvidenceGetPayload<{ select: typeof storedSelect }>;

function stored(row: StoredRow | null): StoredBenchmark | null {
  if (!row?.blob) return null;
  return {
    evidenceId: row.id,
    sha256: row.sha256,
    filename: row.filename,
    createdAt: row.createdAt.toISOString(),
    storageKey: row.blob.storageKey,
    milestoneId: row.milestone.id,
    milestoneTitle: row.milestone.title,
  };
}

const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.EvidenceOrderByWithRelationInput[];

async function newestBaseline(organisationId: string, engagementId: string): Promise<StoredBenchmark | null> {
  const row = await prisma().evidence.findFirst({
    where: { organisationId, kind: "go-bench", role: "baseline", blobId: { not: null }, milestone: { engagementId } },
    select: storedSelect,
    orderBy: newestFirst,
  });
  return stored(row);
}

/** A milestone the scope may reach: a token only its engagement's, a client user only their client's (not drafts). */
function reachableMilestone(scope: EvidenceWriter, milestoneId: string): Prisma.MilestoneWhereInput {
  return {
    id: milestoneId,
    organisationId: scope.organisationId,
    ...("tokenId" in scope ? { engagementId: scope.engagementId } : {}),
    ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
  };
}

/** The baseline a go-bench file attached to `milestoneId` is compared with, or null. */
export async function findEngagementBaseline(
  scope: EvidenceWriter,
  milestoneId: string,
): Promise<StoredBenchmark | null> {
  const milestone = await prisma().milestone.findFirst({
    where: reachableMilestone(scope, milestoneId),
    select: { engagementId: true },
  });
  return milestone ? newestBaseline(scope.organisationId, milestone.engagementId) : null;
}

export interface BenchmarkReportSources {
  engagement: { id: string; title: string; clientName: string };
  milestone: { id: string; title: string };
  baseline: StoredBenchmark | null;
  current: StoredBenchmark | null;
}

/**
 * What a milestone's benchmark report compares, for the organisation's consultants and the
 * engagement's own client users (drafts hidden from clients); not found for anyone else.
 */
export async function findBenchmarkReportSources(
  scope: OrgScope | ClientScope,
  milestoneId: string,
): Promise<BenchmarkReportSources> {
  const milestone = await prisma().milestone.findFirst({
    where: reachableMilestone(scope, milestoneId),
    select: {
      id: true,
      title: true,
      engagement: { select: { id: true, title: true, client: { select: { name: true } } } },
    },
  });
  if (!milestone) throw new DataRefusal("NOT_FOUND", ["milestone not found"]);
  const [baseline, current] = await Promise.all([
    newestBaseline(scope.organisationId, milestone.engagement.id),
    prisma()
      .evidence.findFirst({
        where: {
          organisationId: scope.organisationId,
          milestoneId: milestone.id,
          kind: "go-bench",
          role: null,
          blobId: { not: null },
        },
        select: storedSelect,
        orderBy: newestFirst,
      })
      .then(stored),
  ]);
  return {
    engagement: {
      id: milestone.engagement.id,
      title: milestone.engagement.title,
      clientName: milestone.engagement.client.name,
    },
    milestone: { id: milestone.id, title: milestone.title },
    baseline,
    current,
  };
}
