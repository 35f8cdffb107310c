import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionClaims } from "@/server/auth";
import { appOrigin } from "@/server/api/origin";
import { requestAddress } from "@/server/api/request-address";
import { appRouter } from "@/server/api/root";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ session: await getSessionClaims(), origin: appOrigin(req.url), address: requestAddress(req.headers) }),
  });
}

export { handler as GET, handler as POST };
