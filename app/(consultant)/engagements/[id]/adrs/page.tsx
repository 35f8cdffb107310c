import { redirect } from "next/navigation";

// ADRs are listed under the Decisions tab; each keeps its own address under adrs/<number>.
export default async function AdrsIndex({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/engagements/${id}/decisions`);
}
