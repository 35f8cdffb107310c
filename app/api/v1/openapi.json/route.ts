import { openApiDocument } from "@/server/api/rest/openapi";

export function GET() {
  return Response.json(openApiDocument);
}
