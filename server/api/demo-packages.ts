import { createPackage } from "../data/package/write";
import type { OrgScope } from "../data/scope";
import { AUDIT_PERFORMANCE, PRIVATE_DEPLOYMENT, SAAS_SUBSCRIPTION } from "../domain/proposal/default-packages";

// The demo's service packages: the field guide's three businesses, written through the same
// function as the packages page.

export async function seedDemoPackages(
  owner: OrgScope,
): Promise<{ saas: string; privateDeployment: string; audit: string }> {
  const saas = await createPackage(owner, SAAS_SUBSCRIPTION);
  const privateDeployment = await createPackage(owner, PRIVATE_DEPLOYMENT);
  const audit = await createPackage(owner, AUDIT_PERFORMANCE);
  return { saas: saas.id, privateDeployment: privateDeployment.id, audit: audit.id };
}
