import { z } from "zod";
import { ZObjectiveView } from "../../../domain/objective/objective";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements/{id}/objectives: the client's pains anchored to technical targets, each with
// its baseline, target, actual and verdict (server/domain/objective/objective.ts).

export const ZRestObjectives = z.array(ZObjectiveView).meta({
  description:
    "In the engagement's order. `actual` is in the target's unit, read from the linked gate requirement's newest " +
    "passing verification or the linked SLA clause's newest measured period; `verdict` is no_data without one.",
});

export const objectiveOperations: RestOperation[] = [
  {
    operationId: "listObjectives",
    method: "get",
    path: "/api/v1/engagements/{id}/objectives",
    summary: "The engagement's objectives: pain, cost, business goal, baseline -> target -> actual, verdict",
    description: "For the organisation's consultants and the engagement's client users (approvers and viewers).",
    params: ZIdParams,
    responses: {
      "200": jsonResponse(ZRestObjectives, "The objectives, a JSON array"),
      "400": refusalResponse("A bad id"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
];
