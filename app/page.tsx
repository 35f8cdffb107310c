import { redirect } from "next/navigation";
import { getSessionClaims } from "@/server/auth";
import { homePathFor } from "@/server/domain/roles";

export const dynamic = "force-dynamic";

export default async function Home() {
  const session = await getSessionClaims();
  redirect(session ? homePathFor(session.role) : "/signin");
}
