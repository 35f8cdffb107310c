import { z } from "zod";
import { ZClientRole } from "../../../domain/roles";
import { ZEntityId } from "../../../domain/schemas";

export const ZClientUserOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZClientRole,
  active: z.boolean(),
  createdAt: z.string(),
});

export const ZClientListOut = z.array(z.object({ id: z.string(), name: z.string() }));

export const ZGetClientInput = z.strictObject({ id: ZEntityId });
export const ZClientOut = z.object({
  id: z.string(),
  name: z.string(),
  legalName: z.string().nullable(),
  users: z.array(ZClientUserOut),
});

export const ZInviteToClientInput = z.strictObject({
  clientId: ZEntityId,
  email: z.email().max(200),
  role: ZClientRole,
});
