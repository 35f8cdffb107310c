import type { SessionRole } from "./domain/roles";

declare module "next-auth" {
  interface Session {
    user?: { id: string; role: SessionRole };
  }
  interface User {
    id: string;
    role?: SessionRole;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: SessionRole;
  }
}
