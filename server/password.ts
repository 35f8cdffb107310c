import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

// bcrypt (pure JS, no native build): cost 11 is ~0.1 s here, slow enough to hurt guessing.
const COST = 11;
// Compared against when the account does not exist, so timing does not reveal which emails exist.
let absentAccountHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  absentAccountHash ??= bcrypt.hash(randomBytes(16).toString("hex"), COST);
  const matches = await bcrypt.compare(password, hash ?? (await absentAccountHash));
  return hash !== null && matches;
}
