import { z } from "zod";
import { jsonResponse, type RestOperation } from "./shared";

// GET /api/health: for load balancers, without a session.

export const ZHealthUp = z.object({ status: z.literal("ok"), db: z.literal("ok") });
export const ZHealthDegraded = z.object({ status: z.literal("degraded"), db: z.literal("down") });

export const healthOperations: RestOperation[] = [
  {
    operationId: "getHealth",
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    security: [],
    responses: {
      "200": jsonResponse(ZHealthUp, "Database reachable"),
      "503": jsonResponse(ZHealthDegraded, "Database unreachable"),
    },
  },
];
