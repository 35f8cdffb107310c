import { Prisma } from "@prisma/client";
import {
  ZServicePackageFields,
  type ServicePackageFields,
  type ServicePackageFieldsInput,
  type ServicePackageView,
} from "../../domain/proposal/package";
import { pricingRuleProblem } from "../../domain/proposal/price";
import { appendUserAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";
import { PACKAGE_SELECT, packageView } from "./read";

// Packages are edited on the revision the editor loaded (a stale one is refused, never merged) and
// archived rather than deleted, since proposals keep pointing at them. Every write is audited in
// its own transaction.

export class PackageRefusal extends DataRefusal<"UNPROCESSABLE" | "CONFLICT" | "NAME_TAKEN"> {
  override name = "PackageRefusal";
}

/** The fields, validated (UNPROCESSABLE with each field named, as "path: message"). */
export function parsePackageFields(input: ServicePackageFieldsInput): ServicePackageFields {
  const parsed = ZServicePackageFields.safeParse(input);
  if (!parsed.success)
    throw new PackageRefusal(
      "UNPROCESSABLE",
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "fields"}: ${issue.message}`),
    );
  const ceiling = pricingRuleProblem(parsed.data.pricing);
  if (ceiling) throw new PackageRefusal("UNPROCESSABLE", [`pricing.rateCard: ${ceiling}`]);
  return parsed.data;
}

function columns(fields: ServicePackageFields) {
  return {
    name: fields.name,
    description: fields.description,
    business: fields.business,
    tier: fields.tier,
    currency: fields.currency,
    pricing: fields.pricing as unknown as Prisma.InputJsonValue,
    milestones: fields.milestones as unknown as Prisma.InputJsonValue,
    slaClauses: fields.slaClauses as unknown as Prisma.InputJsonValue,
  };
}

/** What the audit trail keeps of a package: enough to read the change. */
function auditSummary(view: ServicePackageView) {
  return {
    revision: view.revision,
    name: view.name,
    business: view.business,
    tier: view.tier,
    currency: view.currency,
    pricing: view.pricing.type,
    milestones: view.milestones.map((m) => `${m.key} ${m.shareBp / 100}%`),
    slaClauses: view.slaClauses.length,
    archived: view.archived,
  };
}

const nameTaken = (name: string) =>
  new PackageRefusal("NAME_TAKEN", [`name: a package named "${name}" exists already in this organisation`]);

async function checkNameFree(tx: Tx, organisationId: string, name: string, exceptId: string | null): Promise<void> {
  const twin = await tx.servicePackage.findFirst({
    where: { organisationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (twin) throw nameTaken(name);
}

/** A unique-name race lost to a concurrent writer reads like the check above. */
async function naming<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw nameTaken(name);
    throw error;
  }
}

async function ownPackage(tx: Tx, scope: OrgScope, id: string) {
  const row = await tx.servicePackage.findFirst({
    where: { id, organisationId: scope.organisationId },
    select: PACKAGE_SELECT,
  });
  if (!row) throw new NotFound("Service package");
  return row;
}

export async function createPackage(scope: OrgScope, input: ServicePackageFieldsInput): Promise<ServicePackageView> {
  const fields = parsePackageFields(input);
  return naming(fields.name, () =>
    transaction(async (tx) => {
      await checkNameFree(tx, scope.organisationId, fields.name, null);
      const row = await tx.servicePackage.create({
        data: { organisationId: scope.organisationId, ...columns(fields) },
        select: PACKAGE_SELECT,
      });
      const view = packageView(row);
      await appendUserAuditEvent(tx, scope, {
        action: "service_package.created",
        entityType: "service_package",
        entityId: row.id,
        after: auditSummary(view),
      });
      return view;
    }),
  );
}

const staleRefusal = (expected: number, current: number) =>
  new PackageRefusal("CONFLICT", [
    `this package was changed since revision ${expected} (now ${current}); reload and edit again`,
  ]);

/** New fields for a package, made on `revision` (CONFLICT when someone saved in between). */
export async function editPackage(
  scope: OrgScope,
  id: string,
  input: ServicePackageFieldsInput,
  revision: number,
): Promise<ServicePackageView> {
  const fields = parsePackageFields(input);
  return naming(fields.name, () =>
    transaction(async (tx) => {
      const current = await ownPackage(tx, scope, id);
      if (current.revision !== revision) throw staleRefusal(revision, current.revision);
      await checkNameFree(tx, scope.organisationId, fields.name, id);
      // the revision in the condition makes a concurrent save lose here rather than overwrite
      const { count } = await tx.servicePackage.updateMany({
        where: { id, organisationId: scope.organisationId, revision },
        data: { ...columns(fields), revision: revision + 1 },
      });
      if (count === 0) throw staleRefusal(revision, revision + 1);
      const before = packageView(current);
      const after = packageView(await ownPackage(tx, scope, id));
      await appendUserAuditEvent(tx, scope, {
        action: "service_package.edited",
        entityType: "service_package",
        entityId: id,
        before: auditSummary(before),
        after: auditSummary(after),
        data: { changed: changedFields(before, after) },
      });
      return after;
    }),
  );
}

function changedFields(before: ServicePackageFields, after: ServicePackageFields): string[] {
  return (Object.keys(ZServicePackageFields.shape) as (keyof ServicePackageFields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Archives (hidden from new proposals) or restores a package; its fields and revision stay as they are. */
export async function archivePackage(scope: OrgScope, id: string, archived: boolean): Promise<ServicePackageView> {
  return transaction(async (tx) => {
    const current = await ownPackage(tx, scope, id);
    if ((current.archivedAt !== null) === archived) return packageView(current);
    await tx.servicePackage.updateMany({
      where: { id, organisationId: scope.organisationId },
      data: { archivedAt: archived ? new Date() : null },
    });
    const after = packageView(await ownPackage(tx, scope, id));
    await appendUserAuditEvent(tx, scope, {
      action: archived ? "service_package.archived" : "service_package.unarchived",
      entityType: "service_package",
      entityId: id,
      before: auditSummary(packageView(current)),
      after: auditSummary(after),
    });
    return after;
  });
}
