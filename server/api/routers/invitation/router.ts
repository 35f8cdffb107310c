import { createTRPCRouter } from "../../trpc";
import { listClientInvitations } from "./list";
import { resend } from "./resend";
import { revoke } from "./revoke";

export const invitationRouter = createTRPCRouter({ list: listClientInvitations, resend, revoke });
