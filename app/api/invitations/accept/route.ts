import { acceptInvitationRequest } from "@/server/api/invitations-public";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return acceptInvitationRequest(request);
}
