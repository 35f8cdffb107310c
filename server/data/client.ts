import type { Prisma, PrismaClient } from "@prisma/client";
import { database } from "../db";

// Data functions run either on the process client or inside a caller's transaction.
export type Tx = Prisma.TransactionClient;
export type Client = PrismaClient | Tx;

export function prisma(): PrismaClient {
  return database().prisma;
}

export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma().$transaction(work, { timeout: 15_000 });
}

/** BigInt columns hold integer minor units; the API speaks JS numbers, checked to be exact. */
export function toMinor(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount ${value} exceeds the safe integer range`);
  return result;
}
