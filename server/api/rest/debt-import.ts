import { parseSonarQube, SonarImportError } from "../../domain/debt/sonarqube";
import { assertDebtImportTarget, importSonarQube } from "../../data/debt/import";
import type { SessionClaims } from "../../auth";
import { MAX_DEBT_IMPORT_BYTES, type DebtImportResponse } from "./contracts/debt-import";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { isJsonContentType } from "./json-body";
import { errorResponse, json, refused } from "./respond";
import { restConsultantScope } from "./session-scope";

// POST /api/v1/engagements/{id}/debt/import: a consultant's session (the proxy has already
// refused a cross-site request carrying it). The body is never buffered past the limit: the parser
// counts it as it streams and stops at the first byte over.

const tooLarge = [`the export exceeds ${MAX_DEBT_IMPORT_BYTES} bytes`];

async function* bodyChunks(request: Request): AsyncGenerator<Uint8Array> {
  if (request.body) yield* request.body as unknown as AsyncIterable<Uint8Array>;
}

export async function importDebtRest(
  session: SessionClaims | null,
  engagementId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, "only consultants import technical debt");
  if (!scope) return response;
  const params = parseRequest(ZIdParams, { id: engagementId }, "path");
  if (!params.ok) return params.response;
  if (!isJsonContentType(request.headers.get("content-type")))
    return refused(415, "UNSUPPORTED_MEDIA_TYPE", ["send the SonarQube export as content-type: application/json"]);
  if (Number(request.headers.get("content-length") ?? "0") > MAX_DEBT_IMPORT_BYTES)
    return refused(413, "PAYLOAD_TOO_LARGE", tooLarge);
  try {
    await assertDebtImportTarget(scope, params.data.id);
    const parsed = await parseSonarQube(bodyChunks(request), { maxBytes: MAX_DEBT_IMPORT_BYTES });
    const result: DebtImportResponse = await importSonarQube(scope, params.data.id, parsed);
    return json(result);
  } catch (error) {
    if (error instanceof SonarImportError)
      return error.code === "PAYLOAD_TOO_LARGE"
        ? refused(413, "PAYLOAD_TOO_LARGE", error.reasons)
        : refused(422, "UNPROCESSABLE", error.reasons);
    return errorResponse(error);
  }
}
