import bcrypt from "bcryptjs";

// bcrypt (pure JS, no native build): cost 11 is ~0.1 s here, slow enough to hurt guessing.
const COST = 11;
// Compared against when the account does not exist, so timing does not reveal which emails exist.
const ABSENT_ACCOUNT_HASH = "$2b$11$CwTycUXWue0Thq9StjUM0uJ8.SyzHIV0b3T8z3p4b4m6CFl2Xw3eW";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? ABSENT_ACCOUNT_HASH);
  return hash !== null && matches;
}
