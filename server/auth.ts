import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { ZSessionRole, type SessionRole } from "./domain/roles";
import { requestAddress } from "./api/request-address";
import { signIn } from "./api/sign-in";
import { sessionSecret } from "./session-secret";

// next-auth with email + password; JWT sessions carry the user id, role and the user's session
// epoch. Which tenant a user may touch, and whether the session still stands (the epoch moves
// when the password changes or the user is deactivated), is decided per request from the
// database (server/data/scope.ts), never from the token alone.

export interface SessionClaims {
  userId: string;
  role: SessionRole;
  /** the user's session epoch when the session began */
  epoch: number;
}

const ZToken = z.object({ sub: z.string().min(1), role: ZSessionRole, epoch: z.number().int().nonnegative() });
const SESSION_MAX_AGE_S = 8 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const result = await signIn(credentials, requestAddress(req.headers ?? {}));
          if (result.ok) return { id: result.userId, role: result.role, epoch: result.epoch };
          // next-auth passes an Error's message to the sign-in page as ?error=
          if (result.reason === "rate_limited") throw new Error("RateLimited");
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) return { sub: user.id, role: user.role, epoch: user.epoch };
        return { sub: token.sub, role: token.role, epoch: token.epoch };
      },
      session({ session, token }) {
        const parsed = ZToken.safeParse(token);
        return {
          expires: session.expires,
          user: parsed.success ? { id: parsed.data.sub, role: parsed.data.role, epoch: parsed.data.epoch } : undefined,
        };
      },
    },
  };
}

const ZSessionUser = z.object({ id: z.string().min(1), role: ZSessionRole, epoch: z.number().int().nonnegative() });

/**
 * The claims of the session cookie in a server component or route handler, or null. They are not
 * yet proof the session stands: server/data/scope.ts checks them against the database.
 */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions());
  const parsed = ZSessionUser.safeParse((session as { user?: unknown } | null)?.user);
  return parsed.success ? { userId: parsed.data.id, role: parsed.data.role, epoch: parsed.data.epoch } : null;
}
