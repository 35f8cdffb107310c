import { prisma, transaction } from "../prisma-client";
import { insertOrganisationWithOwner, type NewAccount } from "./create";
import { DataRefusal } from "../refusal";
import { lockKeys } from "../row-lock";

// /setup: on a database without any organisation, the first organisation and its owner. Once one
// exists, setup is closed for good. Simultaneous attempts are decided one at a time.

export class SetupRefusal extends DataRefusal<"SETUP_CLOSED"> {
  override name = "SetupRefusal";
}

export async function setupOpen(): Promise<boolean> {
  return (await prisma().organisation.count()) === 0;
}

export async function createFirstOrganisation(input: {
  name: string;
  slug: string;
  locale: "en" | "zh-CN";
  owner: NewAccount;
}): Promise<{ organisationId: string; ownerId: string }> {
  return transaction(async (tx) => {
    await lockKeys(tx, ["setup"]);
    if ((await tx.organisation.count()) > 0)
      throw new SetupRefusal("SETUP_CLOSED", ["this installation is set up already; sign in instead"]);
    return insertOrganisationWithOwner(tx, input);
  });
}
