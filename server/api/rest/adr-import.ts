import Busboy from "busboy";
import { ArchiveReader, ArchiveRefusal, entryPathProblem, type ArchiveFile } from "../../domain/adr/archive";
import { readAdrFiles, type FileProblem } from "../../domain/adr/import";
import { ImportBudget, ImportTooLarge, tooManyEntries } from "../../domain/adr/import-budget";
import { assertImportTarget, importAdrs } from "../../data/adr/import";
import type { SessionClaims } from "../../auth";
import type { AdrImportResponse } from "./contracts/adrs";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { errorResponse, json, refused } from "./respond";
import { restConsultantScope } from "./session-scope";

// POST /api/v1/engagements/{id}/adrs/import: a zip (application/zip) or a folder's files
// (multipart/form-data, each file a part; a .zip part is unpacked). The body is never buffered
// whole: its bytes are counted as they arrive (content-length or not) and each zip is inflated
// as its bytes arrive, all parts drawing on one ImportBudget, so the first byte over a limit
// ends the request with 413 and the rest of the body is neither read nor inflated.

export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;

class BodyTooLarge extends Error {}

interface Upload {
  files: ArchiveFile[];
  problems: FileProblem[];
}

/** The body's chunks as they arrive; leaving the loop (or passing the limit) cancels the rest. */
async function* bodyChunks(request: Request): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BODY_BYTES) throw new BodyTooLarge();
    yield chunk;
  }
}

async function zipUpload(request: Request, budget: ImportBudget): Promise<Upload> {
  const archive = new ArchiveReader(budget);
  for await (const chunk of bodyChunks(request)) archive.push(chunk);
  const { files, skipped } = archive.end();
  return { files, problems: skipped };
}

interface PartReceiver {
  data(chunk: Uint8Array): void;
  end(): void;
}

const ignored: PartReceiver = { data() {}, end() {} };

/** What to do with one multipart file's bytes; throws, as `data` and `end` do, when the budget is spent. */
function partReceiver(path: string, budget: ImportBudget, upload: Upload): PartReceiver {
  const problem = entryPathProblem(path);
  if (problem) {
    upload.problems.push({ file: path.slice(0, 200) || "(unnamed)", reason: `refused: ${problem}` });
    return ignored;
  }
  if (path.toLowerCase().endsWith(".zip")) {
    const archive = new ArchiveReader(budget, `${path}/`);
    return {
      data: (chunk) => archive.push(chunk),
      end() {
        const { files, skipped } = archive.end();
        upload.files.push(...files);
        upload.problems.push(...skipped);
      },
    };
  }
  const refusal = budget.takeEntry();
  if (refusal) throw refusal;
  const chunks: Uint8Array[] = [];
  return {
    data(chunk) {
      const overBudget = budget.takeBytes(chunk.length);
      if (overBudget) throw overBudget;
      chunks.push(chunk);
    },
    end: () => upload.files.push({ path, bytes: Buffer.concat(chunks) }),
  };
}

async function multipartUpload(request: Request, contentType: string, budget: ImportBudget): Promise<Upload> {
  const upload: Upload = { files: [], problems: [] };
  let failure: unknown = null;
  const guarded = (work: () => void) => {
    if (failure) return;
    try {
      work();
    } catch (error) {
      failure = error;
    }
  };
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      preservePath: true,
      limits: { files: budget.limits.maxEntries, fields: 0 },
    });
  } catch {
    throw new ArchiveRefusal("the body is not multipart/form-data");
  }
  parser.on("file", (_field, stream, info) => {
    let receiver = ignored;
    guarded(() => (receiver = partReceiver((info.filename ?? "").replace(/^\.\//, ""), budget, upload)));
    stream.on("data", (chunk: Buffer) => guarded(() => receiver.data(chunk)));
    stream.on("end", () => guarded(() => receiver.end()));
    stream.on("error", () => {}); // the parser's own "error" says what went wrong
  });
  parser.on("filesLimit", () => (failure ??= tooManyEntries(budget.limits)));
  parser.on(
    "error",
    (error: Error) => (failure ??= new ArchiveRefusal(`the upload could not be read: ${error.message}`)),
  );
  // a parser that fails mid-write may never call that write back; "close" always comes
  const closed = new Promise<void>((resolve) => parser.once("close", resolve));
  try {
    for await (const chunk of bodyChunks(request)) {
      await Promise.race([new Promise<void>((resolve) => parser.write(chunk, () => resolve())), closed]);
      if (failure) break;
    }
    if (!failure) {
      parser.end();
      await closed;
    }
  } finally {
    if (failure || !parser.writableFinished) parser.destroy();
  }
  if (failure) throw failure;
  return upload;
}

/** Every uploaded file, archives unpacked under their own name, with the problems of the upload itself. */
function uploadedFiles(request: Request, budget: ImportBudget): Promise<Upload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^application\/(zip|x-zip-compressed|octet-stream)\b/i.test(contentType)) return zipUpload(request, budget);
  if (/^multipart\/form-data\b/i.test(contentType)) return multipartUpload(request, contentType, budget);
  throw new ArchiveRefusal("send a zip (application/zip) or the folder's files as multipart/form-data");
}

export async function importAdrsRest(
  session: SessionClaims | null,
  engagementId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, "only consultants import ADRs");
  if (response) return response;
  const tooLarge = [`imports are limited to ${MAX_IMPORT_BODY_BYTES} bytes`];
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BODY_BYTES) return refused(413, "PAYLOAD_TOO_LARGE", tooLarge);
  const params = parseRequest(ZIdParams, { id: engagementId }, "path");
  if (!params.ok) return params.response;
  try {
    await assertImportTarget(scope, params.data.id);
    const upload = await uploadedFiles(request, new ImportBudget());
    const read = readAdrFiles(upload.files);
    const report: AdrImportResponse = await importAdrs(scope, params.data.id, read.adrs, [
      ...upload.problems,
      ...read.problems,
    ]);
    return json(report);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refused(413, "PAYLOAD_TOO_LARGE", tooLarge);
    if (error instanceof ImportTooLarge) return refused(413, "PAYLOAD_TOO_LARGE", [error.message]);
    if (error instanceof ArchiveRefusal) return refused(400, "ARCHIVE_REFUSED", [error.message]);
    return errorResponse(error);
  }
}
