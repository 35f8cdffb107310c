import { submitEvidenceWithToken } from "@/server/services/evidence/upload";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return submitEvidenceWithToken(request);
}
