import { z } from "zod";
import { listOrgClients } from "../../../data/client-read";
import { findOrgClient } from "../../../data/client-users";
import { inviteClientUser } from "../../../data/invitations";
import { deliverOutbox } from "../../../mail/deliver";
import { noticeDelivery } from "../../origin";
import { ZClientRole } from "../../../domain/roles";
import { answeringRefusals } from "../../refusals";
import { createTRPCRouter, orgProcedure } from "../../trpc";
import { ZSentInvitationOut } from "../invitation/invitation.schema";

const ZId = z.string().trim().min(1).max(64);

export const ZClientUserOut = z.object({ id: z.string(), name: z.string(), email: z.string(), role: ZClientRole, active: z.boolean(), createdAt: z.string() });

export const listClients = orgProcedure.output(z.array(z.object({ id: z.string(), name: z.string() }))).query(({ ctx }) => listOrgClients(ctx.scope));

export const getClient = orgProcedure
  .input(z.strictObject({ id: ZId }))
  .output(z.object({ id: z.string(), name: z.string(), legalName: z.string().nullable(), users: z.array(ZClientUserOut) }))
  .query(async ({ ctx, input }) => {
    return findOrgClient(ctx.scope, input.id);
  });

/** Invites a client's user; the link is in this answer only (and in the email SMTP sends). */
export const inviteToClient = orgProcedure
  .input(z.strictObject({ clientId: ZId, email: z.email().max(200), role: ZClientRole }))
  .output(ZSentInvitationOut)
  .mutation(async ({ ctx, input }) => {
    const sent = await answeringRefusals(() => inviteClientUser(ctx.scope, input, noticeDelivery(ctx)), "Client not found.");
    void deliverOutbox();
    return sent;
  });

export const clientRouter = createTRPCRouter({ list: listClients, get: getClient, invite: inviteToClient });
