import { submitEvidenceWithToken } from "@/server/api/rest/evidence-upload";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return submitEvidenceWithToken(request);
}
