import {
  numberAdrFiles,
  type FileAssumption,
  type FileProblem,
  type ImportedAdr,
  type ReadAdrFile,
} from "../../domain/adr/import";
import { AdrRefusal, insertAdr, lockEngagement } from "./write";
import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import type { OrgScope } from "../scope";

// Imported ADRs keep their numbers and statuses (a status outside ours as the nearest, with the
// words kept); files without a number (log4brains) are numbered after the engagement's last ADR.
// A number the engagement already has is reported for that file and the rest still come in.
// Supersede links are restored by number once every file is in, against the imported and the
// existing ADRs alike. The report says what came in as written, what was assumed, and what not.

export interface ImportReport {
  imported: number[];
  /** for the imported ADRs: each thing assumed or moved in reading their files */
  assumptions: FileAssumption[];
  problems: FileProblem[];
}

/** Refuses an engagement the scope cannot import into before any of the upload is read. */
export async function assertImportTarget(scope: OrgScope, engagementId: string): Promise<void> {
  const found = await prisma().engagement.findFirst({
    where: { id: engagementId, organisationId: scope.organisationId },
    select: { id: true },
  });
  if (!found) throw new AdrRefusal("NOT_FOUND", ["engagement not found"]);
}

export async function importAdrs(
  scope: OrgScope,
  engagementId: string,
  files: readonly ReadAdrFile[],
  problems: readonly FileProblem[],
): Promise<ImportReport> {
  return transaction(async (tx) => {
    if (!(await lockEngagement(tx, scope, engagementId))) throw new AdrRefusal("NOT_FOUND", ["engagement not found"]);
    const existing = new Map(
      (await tx.adr.findMany({ where: { engagementId }, select: { number: true, id: true } })).map((a) => [
        a.number,
        a.id,
      ]),
    );
    const { adrs, problems: linkProblems } = numberAdrFiles(files, existing.keys());
    const report: ImportReport = { imported: [], assumptions: [], problems: [...problems] };
    const ids = new Map(existing);
    const inserted: ImportedAdr[] = [];
    for (const adr of adrs) {
      if (existing.has(adr.number)) {
        report.problems.push({
          file: adr.file,
          reason: `ADR ${adr.number} exists already in this engagement; not imported`,
        });
        continue;
      }
      const row = await insertAdr(tx, scope, engagementId, adr.draft, {
        number: adr.number,
        status: adr.status,
        importedStatus: adr.importedStatus,
      });
      ids.set(adr.number, row.id);
      inserted.push(adr);
      report.imported.push(adr.number);
      report.assumptions.push(...adr.assumptions.map((what) => ({ file: adr.file, number: adr.number, what })));
    }
    report.problems.push(...linkProblems.filter((p) => inserted.some((adr) => adr.file === p.file)));
    for (const adr of inserted) {
      const links: [old: number, replacement: number][] = [];
      if (adr.supersededBy !== null) links.push([adr.number, adr.supersededBy]);
      if (adr.supersedes !== null) links.push([adr.supersedes, adr.number]);
      for (const [old, replacement] of links) {
        const oldId = ids.get(old);
        const newId = ids.get(replacement);
        if (!oldId || !newId) {
          report.problems.push({
            file: adr.file,
            reason:
              `links to ADR ${oldId ? replacement : old}, which this engagement does not have; ` +
              `imported without that link`,
          });
          continue;
        }
        const current = await tx.adr.findUniqueOrThrow({ where: { id: oldId }, select: { supersededById: true } });
        if (current.supersededById === newId) continue;
        const claimed = await tx.adr.findFirst({
          where: { supersededById: newId, id: { not: oldId } },
          select: { number: true },
        });
        if (claimed) {
          report.problems.push({
            file: adr.file,
            reason: `ADR ${replacement} already supersedes ADR ${claimed.number}; link from ADR ${old} not made`,
          });
          continue;
        }
        if (current.supersededById) {
          report.problems.push({
            file: adr.file,
            reason: `ADR ${old} is already superseded by another ADR; link to ADR ${replacement} not made`,
          });
          continue;
        }
        await tx.adr.update({ where: { id: oldId }, data: { supersededById: newId } });
      }
    }
    await appendUserAuditEvent(tx, scope, {
      action: "adr.imported",
      entityType: "engagement",
      entityId: engagementId,
      engagementId,
      data: { imported: report.imported, assumptions: report.assumptions.length, problems: report.problems.length },
    });
    return report;
  });
}
