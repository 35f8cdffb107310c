import { z } from "zod";
import { ZHealthCheckRequest, ZStoredHealthItem } from "../../../domain/health-check/items";
import { ZEntityId } from "../../../domain/schemas";
import { MAX_HEALTH_CHECK_PAGE } from "../../../data/health-check/read";

export const ZRunHealthCheckInput = z.strictObject({
  engagementId: ZEntityId,
  baseUrl: ZHealthCheckRequest.shape.baseUrl,
});

export const ZListHealthChecksInput = z.strictObject({
  engagementId: ZEntityId,
  cursor: ZEntityId.optional(),
  limit: z.int().min(1).max(MAX_HEALTH_CHECK_PAGE).default(20),
});

/** A stored check as the app's pages read it: the advice as its catalog key (the page words it). */
export const ZHealthCheckOut = z.object({
  id: z.string(),
  baseUrl: z.string(),
  at: z.string(),
  items: z.array(ZStoredHealthItem),
});

export const ZHealthCheckPageOut = z.object({
  items: z.array(ZHealthCheckOut),
  nextCursor: z.string().nullable(),
});
