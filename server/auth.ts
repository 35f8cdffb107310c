import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { ZSessionRole, type SessionRole } from "./domain/roles";
import { signIn } from "./api/sign-in";
import { sessionSecret } from "./session-secret";

// next-auth with email + password; JWT sessions carry the user id and role only. Which tenant a
// user may touch is decided per request from the database (server/api/trpc.ts), never the token.

export interface SessionClaims {
  userId: string;
  role: SessionRole;
}

const ZToken = z.object({ sub: z.string().min(1), role: ZSessionRole });
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
          const headers = (req.headers ?? {}) as Record<string, string | undefined>;
          const result = await signIn(credentials, headers["x-forwarded-for"], headers["x-real-ip"]);
          if (result.ok) return { id: result.userId, role: result.role };
          // next-auth passes an Error's message to the sign-in page as ?error=
          if (result.reason === "rate_limited") throw new Error("RateLimited");
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) return { sub: user.id, role: (user as { role?: SessionRole }).role };
        return { sub: token.sub, role: token.role };
      },
      session({ session, token }) {
        const parsed = ZToken.safeParse(token);
        return { expires: session.expires, user: parsed.success ? { id: parsed.data.sub, role: parsed.data.role } : undefined };
      },
    },
  };
}

/** The signed-in user's claims in a server component or route handler, or null. */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions());
  const user = (session as { user?: { id?: string; role?: string } } | null)?.user;
  const parsed = z.object({ id: z.string().min(1), role: ZSessionRole }).safeParse(user);
  return parsed.success ? { userId: parsed.data.id, role: parsed.data.role } : null;
}
