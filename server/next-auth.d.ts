import type { SessionRole } from "./domain/roles";

declare module "next-auth" {
  interface Session {
    user?: { id: string; role: SessionRole; epoch: number };
  }
  interface User {
    id: string;
    role?: SessionRole;
    epoch?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: SessionRole;
    epoch?: number;
  }
}
