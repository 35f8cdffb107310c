import { Readable } from "node:stream";
import Busboy from "busboy";
import { ADR_ARCHIVE_LIMITS, ArchiveRefusal, entryPathProblem, readArchive, type ArchiveFile } from "../../domain/adr/archive";
import { readAdrFiles, type FileProblem } from "../../domain/adr/import";
import { importAdrs } from "../../data/adr-import";
import type { SessionClaims } from "../../auth";
import { json, refused } from "./respond";
import { restConsultantScope } from "./session-scope";

// POST /api/v1/engagements/{id}/adrs/import: a zip (application/zip) or a folder's files
// (multipart/form-data, each file a part; a .zip part is unpacked). The body is read up to its
// limit before anything is parsed; the archive limits then bound what it unpacks to.

export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function multipartFiles(body: Uint8Array, contentType: string): Promise<{ files: ArchiveFile[]; problems: FileProblem[] }> {
  return new Promise((resolve, reject) => {
    const files: ArchiveFile[] = [];
    const problems: FileProblem[] = [];
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({ headers: { "content-type": contentType }, preservePath: true, limits: { files: ADR_ARCHIVE_LIMITS.maxEntries, fields: 0, fileSize: MAX_IMPORT_BODY_BYTES } });
    } catch {
      reject(new ArchiveRefusal("the body is not multipart/form-data"));
      return;
    }
    parser.on("file", (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const path = (info.filename ?? "").replace(/^\.\//, "");
        const problem = entryPathProblem(path);
        if (problem) problems.push({ file: path.slice(0, 200) || "(unnamed)", reason: `refused: ${problem}` });
        else files.push({ path, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on("filesLimit", () => reject(new ArchiveRefusal(`more than ${ADR_ARCHIVE_LIMITS.maxEntries} files`)));
    parser.on("error", (error: Error) => reject(new ArchiveRefusal(`the upload could not be read: ${error.message}`)));
    parser.on("close", () => resolve({ files, problems }));
    Readable.from([Buffer.from(body)]).pipe(parser);
  });
}

/** Every uploaded file, archives unpacked under their own name, with the problems of the upload itself. */
async function uploadedFiles(request: Request, body: Uint8Array): Promise<{ files: ArchiveFile[]; problems: FileProblem[] }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^application\/(zip|x-zip-compressed|octet-stream)\b/i.test(contentType)) return { files: readArchive(body), problems: [] };
  if (!/^multipart\/form-data\b/i.test(contentType)) throw new ArchiveRefusal("send a zip (application/zip) or the folder's files as multipart/form-data");
  const parts = await multipartFiles(body, contentType);
  const files: ArchiveFile[] = [];
  for (const file of parts.files) {
    if (!file.path.toLowerCase().endsWith(".zip")) {
      files.push(file);
      continue;
    }
    const inner = readArchive(file.bytes);
    files.push(...inner.map((entry) => ({ path: `${file.path}/${entry.path}`, bytes: entry.bytes })));
  }
  if (files.length > ADR_ARCHIVE_LIMITS.maxEntries) throw new ArchiveRefusal(`more than ${ADR_ARCHIVE_LIMITS.maxEntries} files`);
  return { files, problems: parts.problems };
}

export async function importAdrsRest(session: SessionClaims | null, engagementId: string, request: Request): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, "only consultants import ADRs");
  if (response) return response;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BODY_BYTES) return refused(413, "PAYLOAD_TOO_LARGE", [`imports are limited to ${MAX_IMPORT_BODY_BYTES} bytes`]);
  try {
    const body = await readBody(request);
    const upload = await uploadedFiles(request, body);
    const read = readAdrFiles(upload.files);
    const report = await importAdrs(scope, engagementId, read.adrs, [...upload.problems, ...read.problems]);
    if (!report) return refused(404, "NOT_FOUND", ["engagement not found"]);
    return json(report);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refused(413, "PAYLOAD_TOO_LARGE", [`imports are limited to ${MAX_IMPORT_BODY_BYTES} bytes`]);
    if (error instanceof ArchiveRefusal) return refused(400, "ARCHIVE_REFUSED", [error.message]);
    throw error;
  }
}
