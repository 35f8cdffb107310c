import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import { canonicalJson, type JsonValue } from "../domain/audit";
import { prisma, type Tx } from "./client";

// Idempotency keys make retries safe: the first answer to a key is stored in the same
// transaction as the change it reports, and replayed for every retry with the same body.

export function requestFingerprint(operation: string, body: JsonValue): string {
  return createHash("sha256").update(canonicalJson({ operation, body })).digest("hex");
}

export type Replay<T> = { kind: "replay"; result: T } | { kind: "mismatch" } | { kind: "none" };

export async function findReplay<T>(organisationId: string, key: string, fingerprint: string): Promise<Replay<T>> {
  const record = await prisma().idempotencyRecord.findUnique({
    where: { organisationId_key: { organisationId, key } },
    select: { requestHash: true, responseBody: true },
  });
  if (!record) return { kind: "none" };
  return record.requestHash === fingerprint ? { kind: "replay", result: record.responseBody as T } : { kind: "mismatch" };
}

export async function storeResult(tx: Tx, organisationId: string, key: string, fingerprint: string, status: number, result: JsonValue): Promise<void> {
  await tx.idempotencyRecord.create({
    data: { organisationId, key, requestHash: fingerprint, responseStatus: status, responseBody: result as Prisma.InputJsonValue },
  });
}

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  return error instanceof Error && /unique constraint/i.test(error.message);
}
