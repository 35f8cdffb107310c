import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listOrgClients } from "../../../data/client-read";
import { findOrgClient } from "../../../data/client-users";
import { inviteClientUser } from "../../../data/invitations";
import { deliverOutbox } from "../../../mail/deliver";
import { noticeDelivery } from "../../origin";
import { createTRPCRouter, notFound, orgProcedure, Refusal } from "../../trpc";
import { ZInvitationOut } from "../invitation/invitation.schema";

const ZId = z.string().trim().min(1).max(64);

export const ZClientUserOut = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(["approver", "viewer"]), active: z.boolean(), createdAt: z.string() });

export const listClients = orgProcedure.output(z.array(z.object({ id: z.string(), name: z.string() }))).query(({ ctx }) => listOrgClients(ctx.scope));

export const getClient = orgProcedure
  .input(z.strictObject({ id: ZId }))
  .output(z.object({ id: z.string(), name: z.string(), legalName: z.string().nullable(), users: z.array(ZClientUserOut) }))
  .query(async ({ ctx, input }) => {
    const client = await findOrgClient(ctx.scope, input.id);
    if (!client) throw notFound("Client");
    return client;
  });

export const inviteToClient = orgProcedure
  .input(z.strictObject({ clientId: ZId, email: z.email().max(200), role: z.enum(["approver", "viewer"]) }))
  .output(ZInvitationOut)
  .mutation(async ({ ctx, input }) => {
    const outcome = await inviteClientUser(ctx.scope, input, noticeDelivery(ctx));
    if (!outcome.ok) {
      if (outcome.code === "NOT_FOUND") throw notFound("Client");
      throw new TRPCError({ code: "CONFLICT", message: outcome.reasons.join("; "), cause: new Refusal(outcome.code, outcome.reasons) });
    }
    void deliverOutbox();
    return outcome.invitation;
  });

export const clientRouter = createTRPCRouter({ list: listClients, get: getClient, invite: inviteToClient });
