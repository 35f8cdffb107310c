import type { Prisma, PrismaClient } from "@prisma/client";
import { database } from "../db";

// Data functions run either on the process client or inside a caller's transaction.
export type Tx = Prisma.TransactionClient;
export type Client = PrismaClient | Tx;

export function prisma(): PrismaClient {
  return database().prisma;
}

/** Work outside the database that must move with a transaction (e.g. the audit chain's head). */
export interface CommitStep {
  /** runs after the transaction's work, before its commit */
  apply(): Promise<void>;
  /** runs when the commit failed after `apply` */
  undo(): Promise<void>;
}

const pendingSteps = new WeakMap<Tx, Map<string, CommitStep>>();

/** Runs `step` just before `tx` commits; a later step under the same name replaces it. */
export function beforeCommit(tx: Tx, name: string, step: CommitStep): void {
  const steps = pendingSteps.get(tx);
  if (!steps) throw new Error("this write must run inside transaction() of server/data/prisma-client.ts");
  steps.set(name, step);
}

export async function transaction<T>(work: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  const applied: CommitStep[] = [];
  try {
    return await prisma().$transaction(
      async (tx) => {
        const steps = new Map<string, CommitStep>();
        pendingSteps.set(tx, steps);
        try {
          const result = await work(tx);
          // the work's row locks are still held, so steps of rows it locked run in commit order
          for (const step of steps.values()) {
            await step.apply();
            applied.push(step);
          }
          return result;
        } finally {
          pendingSteps.delete(tx);
        }
      },
      // PGlite runs one transaction at a time and a pool may be busy: wait for a turn, not 2 s
      { timeout: options.timeout ?? 15_000, maxWait: 10_000 },
    );
  } catch (error) {
    // the transaction rolled back: take back what its steps did; the first error is the one to report
    for (const step of applied.reverse()) await step.undo().catch(() => undefined);
    throw error;
  }
}

/** BigInt columns hold integer minor units; the API speaks JS numbers, checked to be exact. */
export function toMinor(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount ${value} exceeds the safe integer range`);
  return result;
}
