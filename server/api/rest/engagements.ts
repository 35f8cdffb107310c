import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { isConsultantRole } from "../../domain/roles";
import type { SessionClaims } from "../../auth";
import { createCaller } from "../root";
import type { EngagementOut } from "../routers/engagement/engagement.schema";
import type { PortalEngagementOut } from "../routers/portal/portal.schema";
import type { ZEngagementSummary, ZEngagementDetailResponse, ZEngagementListResponse } from "./contracts/engagements";
import { respond } from "./respond";

// GET /api/v1/engagements[/{id}] through the same procedures as the app: a consultant sees the
// organisation's engagements, a client user only their client's.

type EngagementSummary = z.infer<typeof ZEngagementSummary>;

function summary(e: EngagementOut | PortalEngagementOut): EngagementSummary {
  const client = "clientName" in e ? e.clientName : e.client.name;
  return {
    id: e.id,
    title: e.title,
    client,
    currency: e.currency,
    feeMinor: e.feeMinor,
    startDate: e.startDate,
    status: e.status,
  };
}

function detail(e: EngagementOut | PortalEngagementOut): z.infer<typeof ZEngagementDetailResponse> {
  const milestones = e.milestones.map((m) => ({
    id: m.id,
    key: m.key,
    title: m.title,
    shareBp: m.shareBp,
    amountMinor: m.amountMinor,
    state: m.state,
  }));
  return { ...summary(e), milestones };
}

function requireSession(session: SessionClaims | null): SessionClaims {
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return session;
}

export function listEngagementsRest(session: SessionClaims | null): Promise<Response> {
  return respond(async () => {
    const claims = requireSession(session);
    const caller = createCaller({ session: claims });
    const list = isConsultantRole(claims.role) ? await caller.engagement.list() : await caller.portal.engagement.list();
    const body: z.infer<typeof ZEngagementListResponse> = { engagements: list.map(summary) };
    return body;
  });
}

export function getEngagementRest(session: SessionClaims | null, id: string): Promise<Response> {
  return respond(async () => {
    const claims = requireSession(session);
    const caller = createCaller({ session: claims });
    const engagement = isConsultantRole(claims.role)
      ? await caller.engagement.get({ id })
      : await caller.portal.engagement.get({ id });
    return detail(engagement);
  });
}
