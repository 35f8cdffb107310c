import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import { canonicalJson, type JsonValue } from "../domain/audit";
import { prisma, transaction, type Tx } from "./prisma-client";
import { DataRefusal } from "./refusal";

// Idempotency keys make retries safe. A key belongs to one actor (a user or an API token) of one
// organisation, so nobody can replay or block another actor's answers. The first answer to a key
// is final whatever it was: a success is stored in the transaction that made the change, a
// refusal right after the rolled-back attempt. A retry with the same body gets that answer again;
// the same key with another body is refused and executes nothing.

export interface IdempotencyActor {
  organisationId: string;
  /** the user or API token id */
  actorId: string;
}

export function idempotencyActor(
  scope: { organisationId: string; userId: string } | { organisationId: string; tokenId: string },
): IdempotencyActor {
  return { organisationId: scope.organisationId, actorId: "userId" in scope ? scope.userId : scope.tokenId };
}

export class IdempotencyMismatch extends DataRefusal<"IDEMPOTENCY_MISMATCH"> {
  override name = "IdempotencyMismatch";
  constructor() {
    super("IDEMPOTENCY_MISMATCH", ["this idempotency key was already used for a different request"]);
  }
}

type StoredAnswer = { ok: true; value: JsonValue } | { ok: false; code: string; reasons: string[]; causeCode?: string };

export interface OnceOptions<T> {
  /** the change, in one transaction */
  run: (tx: Tx) => Promise<T>;
  /** what to keep of a success (JSON) */
  store: (result: T) => JsonValue;
  /** the answer to a retry, from what was kept */
  replay: (stored: JsonValue) => Promise<T>;
}

export function requestFingerprint(operation: string, body: JsonValue): string {
  return createHash("sha256").update(canonicalJson({ operation, body })).digest("hex");
}

async function findAnswer(
  actor: IdempotencyActor,
  key: string,
  fingerprint: string,
): Promise<StoredAnswer | "mismatch" | null> {
  const record = await prisma().idempotencyRecord.findUnique({
    where: { organisationId_actorId_key: { organisationId: actor.organisationId, actorId: actor.actorId, key } },
    select: { requestHash: true, responseBody: true },
  });
  if (!record) return null;
  return record.requestHash === fingerprint ? (record.responseBody as StoredAnswer) : "mismatch";
}

async function answerFrom<T>(stored: StoredAnswer | "mismatch", replay: OnceOptions<T>["replay"]): Promise<T> {
  if (stored === "mismatch") throw new IdempotencyMismatch();
  if (stored.ok) return replay(stored.value);
  throw new DataRefusal(stored.code, stored.reasons, stored.causeCode);
}

function record(
  client: Tx | ReturnType<typeof prisma>,
  actor: IdempotencyActor,
  key: string,
  fingerprint: string,
  answer: StoredAnswer,
) {
  return client.idempotencyRecord.create({
    data: {
      organisationId: actor.organisationId,
      actorId: actor.actorId,
      key,
      requestHash: fingerprint,
      responseStatus: answer.ok ? 200 : 409,
      responseBody: answer as unknown as Prisma.InputJsonValue,
    },
  });
}

/**
 * Runs `options.run` at most once per (organisation, actor, key). Without a key it simply runs.
 * A NOT_FOUND refusal is not kept: nothing was attempted, and keeping it would leave a trace of
 * someone probing ids that are not theirs.
 */
export async function runOnce<T>(
  actor: IdempotencyActor,
  key: string | undefined,
  operation: string,
  body: JsonValue,
  options: OnceOptions<T>,
): Promise<T> {
  if (!key) return transaction(options.run);
  const fingerprint = requestFingerprint(operation, body);
  const earlier = await findAnswer(actor, key, fingerprint);
  if (earlier) return answerFrom(earlier, options.replay);
  try {
    return await transaction(async (tx) => {
      const result = await options.run(tx);
      await record(tx, actor, key, fingerprint, { ok: true, value: options.store(result) });
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // a concurrent request with the same key won: answer as it did
      const raced = await findAnswer(actor, key, fingerprint);
      if (raced) return answerFrom(raced, options.replay);
    }
    if (!(error instanceof DataRefusal) || error.code === "NOT_FOUND") throw error;
    try {
      await record(prisma(), actor, key, fingerprint, {
        ok: false,
        code: error.code,
        reasons: error.reasons,
        ...(error.causeCode ? { causeCode: error.causeCode } : {}),
      });
    } catch (recordError) {
      if (!isUniqueViolation(recordError)) throw recordError;
      const raced = await findAnswer(actor, key, fingerprint);
      if (raced) return answerFrom(raced, options.replay);
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  return error instanceof Error && /unique constraint/i.test(error.message);
}
