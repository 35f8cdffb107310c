import type { Locale } from "../../domain/locale";
import { DEFAULT_MILESTONE_TEMPLATE } from "../../domain/milestone-template";
import { prisma } from "../prisma-client";
import { addEngagementRecords, type EngagementRecords } from "../engagement/records";
import { createEngagement, type NewEngagement } from "../engagement/create";
import {
  createClient,
  createClientUser,
  createOrganisationWithOwner,
  type NewClient,
  type SellerDetails,
} from "../organisation/create";
import { resolveOrgScope, type OrgScope } from "../scope";
import type { ParsedMeasurements } from "../../domain/sla/measurements";
import { listSlaClauses } from "../sla/clauses";
import { ingestMeasurements } from "../sla/ingest";

// Loads a scenario (the demo data lives in prisma/demo-data.ts) through the same data functions
// the app uses, so seeded rows carry audit events like any other. Idempotent per organisation.

export interface SeedLogin {
  email: string;
  name: string;
  password: string;
  locale?: Locale;
}

/** Measurements for one of the engagement's SLA clauses, named by its title. */
export interface SeedSlaMeasurements {
  clause: string;
  measurements: ParsedMeasurements;
}

export interface SeedEngagement extends Omit<NewEngagement, "clientId" | "milestones"> {
  milestoneTitleLocale: Locale;
  /** overrides of the default template's gate parameters, by milestone key */
  gateOverrides?: Record<string, NewEngagement["milestones"][number]["requirements"]>;
  records?: EngagementRecords;
  /** made when seeded (thousands of samples), recorded after the records' clauses exist */
  slaMeasurements?: () => SeedSlaMeasurements[];
}

export interface SeedClient extends NewClient {
  users: (SeedLogin & { role: "approver" | "viewer" })[];
  engagements: SeedEngagement[];
}

export interface SeedOrganisation {
  name: string;
  slug: string;
  locale: Locale;
  owner: SeedLogin;
  /** the seller on invoices */
  seller?: SellerDetails;
  clients: SeedClient[];
}

export type PasswordHasher = (password: string) => Promise<string>;

export async function seedOrganisations(organisations: readonly SeedOrganisation[], hash: PasswordHasher) {
  const created: string[] = [];
  for (const organisation of organisations) {
    const exists = await prisma().organisation.findUnique({ where: { slug: organisation.slug }, select: { id: true } });
    if (exists) continue;
    await seedOrganisation(organisation, hash);
    created.push(organisation.slug);
  }
  return { created };
}

async function seedOrganisation(input: SeedOrganisation, hash: PasswordHasher): Promise<void> {
  const { ownerId } = await createOrganisationWithOwner({
    name: input.name,
    slug: input.slug,
    locale: input.locale,
    seller: input.seller,
    owner: {
      email: input.owner.email,
      name: input.owner.name,
      passwordHash: await hash(input.owner.password),
      locale: input.owner.locale ?? null,
    },
  });
  const scope = await resolveOrgScope(ownerId);
  if (!scope) throw new Error(`owner of ${input.slug} has no membership`);
  for (const clientInput of input.clients) {
    const { users, engagements, ...clientFields } = clientInput;
    const client = await createClient(scope, clientFields);
    for (const user of users) {
      await createClientUser(scope, {
        clientId: client.id,
        role: user.role,
        email: user.email,
        name: user.name,
        passwordHash: await hash(user.password),
        locale: user.locale ?? null,
      });
    }
    for (const engagementInput of engagements) {
      const { milestoneTitleLocale, gateOverrides, records, slaMeasurements, ...fields } = engagementInput;
      const milestones = DEFAULT_MILESTONE_TEMPLATE.map((entry) => ({
        key: entry.key,
        title: entry.title[milestoneTitleLocale],
        kind: entry.kind,
        shareBp: entry.shareBp,
        requirements: gateOverrides?.[entry.key] ?? entry.requirements,
      }));
      const engagement = await createEngagement(scope, { ...fields, clientId: client.id, milestones });
      if (records) await addEngagementRecords(scope, engagement.id, records);
      if (slaMeasurements) await recordMeasurements(scope, engagement.id, slaMeasurements());
    }
  }
}

/** Through the same ingest as the API, so windows, trigger action items and audit events follow as they would. */
async function recordMeasurements(scope: OrgScope, engagementId: string, postings: SeedSlaMeasurements[]) {
  const clauses = await listSlaClauses(scope, engagementId);
  for (const posting of postings) {
    const clause = clauses.find((c) => c.title === posting.clause);
    if (!clause) throw new Error(`no SLA clause "${posting.clause}" to record measurements for`);
    await ingestMeasurements(
      { kind: "user", scope },
      { clauseId: clause.id, idempotencyKey: `seed:${clause.id}`, source: "api", measurements: posting.measurements },
    );
  }
}
