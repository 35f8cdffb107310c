import { redirect } from "next/navigation";
import { activeSession } from "@/server/api/caller";
import { homePathFor } from "@/server/domain/roles";

export const dynamic = "force-dynamic";

export default async function Home() {
  const session = await activeSession();
  redirect(session ? homePathFor(session.role) : "/signin");
}
