import { getSessionClaims } from "@/server/auth";
import { appOrigin } from "@/server/api/origin";
import { requestAddress } from "@/server/api/request-address";
import { handleTrpcRequest } from "@/server/api/trpc-http";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return handleTrpcRequest(req, async () => ({
    session: await getSessionClaims(),
    origin: appOrigin(req),
    address: requestAddress(req.headers),
  }));
}

export { handler as GET, handler as POST };
