import type { Prisma } from "@prisma/client";
import type { Span, WindowAggregate } from "../../domain/sla/report";
import type { SlaClauseTerms } from "../../domain/sla/terms";
import { findEpisodes, holds } from "../../domain/sla/triggers";
import { exclusionSpans, isExcluded, MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { appendAuditEvent } from "../audit/chain";
import type { NoticeDelivery } from "../notification/notices";
import type { Tx } from "../prisma-client";
import { lockOrganisationRow } from "../row-lock";
import { termsOfRow } from "./clauses";
import { defaultNoticeDelivery, notifySlaTrigger } from "./trigger-notices";

// When a clause's window values held a trigger's condition for its duration, the engagement gets an
// action item: one per continuous episode. Runs in the transaction that stored the measurements, so
// the item, its audit event and its notices exist exactly when the measurements do. An episode that
// later windows extend (or that overlaps one already recorded) is the same episode: its item grows.

/** How far back a run of hot windows is followed before it is taken as starting there (31 days). */
const LONGEST_LOOKBACK_MS = 31 * 24 * 60 * MINUTE_MS;

type ClauseRow = Prisma.SlaClauseGetPayload<{
  include: { engagement: { select: { title: true; clientId: true; status: true } } };
}>;

async function windowsBetween(tx: Tx, clauseId: string, span: Span): Promise<WindowAggregate[]> {
  const rows = await tx.slaWindow.findMany({
    where: { clauseId, start: { gte: new Date(span.from), lt: new Date(span.to) } },
    orderBy: { start: "asc" },
    select: { start: true, value: true, samples: true },
  });
  return rows.map((row) => ({ start: row.start.getTime(), value: row.value, samples: row.samples }));
}

/**
 * The windows around the affected span, reaching back and forward by the longest trigger plus a window, and
 * further while the edge window is still hot for some trigger, so an episode is never cut at the edge.
 */
async function windowsAround(
  tx: Tx,
  clauseId: string,
  terms: SlaClauseTerms,
  affected: Span,
): Promise<WindowAggregate[]> {
  const length = terms.windowMinutes! * MINUTE_MS;
  const reach = Math.max(...terms.triggers.map((t) => t.forMinutes)) * MINUTE_MS + length;
  const hotForAny = (window: WindowAggregate | undefined) =>
    !!window && terms.triggers.some((t) => holds(t, window.value));
  // the read starts on a window's start, so a hot window there shows that the run may reach further back
  let span = { from: windowStart(affected.from - reach, terms.windowMinutes!), to: affected.to + reach };
  let windows = await windowsBetween(tx, clauseId, span);
  while (span.from > affected.from - LONGEST_LOOKBACK_MS && hotForAny(windows[0]) && windows[0]!.start === span.from) {
    const earlier = { from: windowStart(span.from - reach * 4, terms.windowMinutes!), to: span.from };
    windows = [...(await windowsBetween(tx, clauseId, earlier)), ...windows];
    span = { ...span, from: earlier.from };
  }
  while (
    span.to < affected.to + LONGEST_LOOKBACK_MS &&
    hotForAny(windows.at(-1)) &&
    windows.at(-1)!.start + length >= span.to
  ) {
    const later = { from: span.to, to: span.to + reach * 4 };
    windows = [...windows, ...(await windowsBetween(tx, clauseId, later))];
    span = { ...span, to: later.to };
  }
  return windows;
}

/** Creates or extends the action items of the episodes the windows around `affected` show. */
export async function raiseTriggeredActions(
  tx: Tx,
  clauseId: string,
  affected: Span,
  delivery: NoticeDelivery = defaultNoticeDelivery(),
): Promise<void> {
  const clause = await tx.slaClause.findUnique({
    where: { id: clauseId },
    include: { engagement: { select: { title: true, clientId: true, status: true } } },
  });
  if (!clause || clause.retiredAt) return;
  const terms = termsOfRow(clause);
  if (terms.triggers.length === 0 || terms.windowMinutes === null) return;
  // two postings to one clause decide its episodes one after the other
  await lockOrganisationRow(tx, "SlaClause", clause.id, clause.organisationId);
  const exclusions = exclusionSpans(terms.exclusions);
  // maintenance counts for nothing: its windows neither start nor continue an episode
  const windows = (await windowsAround(tx, clauseId, terms, affected)).filter(
    (window) => !isExcluded(window.start, terms.windowMinutes!, exclusions),
  );
  for (const [triggerIndex, trigger] of terms.triggers.entries()) {
    for (const episode of findEpisodes(trigger, windows, terms.windowMinutes)) {
      await recordEpisode(tx, clause, terms, triggerIndex, episode, delivery);
    }
  }
}

async function recordEpisode(
  tx: Tx,
  clause: ClauseRow,
  terms: SlaClauseTerms,
  triggerIndex: number,
  episode: Span,
  delivery: NoticeDelivery,
): Promise<void> {
  const from = new Date(episode.from);
  const to = new Date(episode.to);
  const known = await tx.actionItem.findFirst({
    where: { clauseId: clause.id, triggerIndex, episodeFrom: { lt: to }, episodeTo: { gt: from } },
    orderBy: { episodeFrom: "asc" },
  });
  const trigger = terms.triggers[triggerIndex]!;
  const clauseNamed = { id: clause.id, title: clause.title };
  const triggerNamed = { index: triggerIndex, ...trigger };
  if (known) {
    const grownFrom = known.episodeFrom! < from ? known.episodeFrom! : from;
    const grownTo = known.episodeTo! > to ? known.episodeTo! : to;
    if (grownFrom.getTime() === known.episodeFrom!.getTime() && grownTo.getTime() === known.episodeTo!.getTime())
      return;
    await tx.actionItem.update({ where: { id: known.id }, data: { episodeFrom: grownFrom, episodeTo: grownTo } });
    await appendAuditEvent(tx, {
      organisationId: clause.organisationId,
      actorKind: "system",
      actorId: null,
      action: "sla.trigger_episode_extended",
      entityType: "action_item",
      entityId: known.id,
      engagementId: clause.engagementId,
      before: { from: known.episodeFrom!.toISOString(), to: known.episodeTo!.toISOString() },
      after: { from: grownFrom.toISOString(), to: grownTo.toISOString() },
      data: { clause: clauseNamed, trigger: triggerNamed },
    });
    return;
  }
  const item = await tx.actionItem.create({
    data: {
      organisationId: clause.organisationId,
      engagementId: clause.engagementId,
      title: trigger.action,
      source: "sla_trigger",
      clauseId: clause.id,
      triggerIndex,
      episodeFrom: from,
      episodeTo: to,
    },
  });
  const interval = { from: from.toISOString(), to: to.toISOString() };
  await appendAuditEvent(tx, {
    organisationId: clause.organisationId,
    actorKind: "system",
    actorId: null,
    action: "sla.trigger_fired",
    entityType: "action_item",
    entityId: item.id,
    engagementId: clause.engagementId,
    after: { title: item.title, status: item.status },
    data: { clause: clauseNamed, interval, trigger: triggerNamed },
  });
  await notifySlaTrigger(
    tx,
    {
      organisationId: clause.organisationId,
      engagementId: clause.engagementId,
      engagement: clause.engagement.title,
      clientId: clause.engagement.clientId,
      // a draft is not the client's to see yet: its users hear of nothing in it
      clientSees: clause.engagement.status !== "draft",
      clause: clause.title,
      unit: terms.unit,
      timezone: terms.timezone,
      trigger,
      interval,
    },
    delivery,
  );
}
