import type { AdrContent } from "./adr";
import { ZAdrDraft, type AdrDraft } from "./draft";
import { AdrParseError, numberFromFilename, parseAdr } from "./madr";

// Which files of an imported folder or archive are ADRs, and what each says. ADR files are named
// as adr-tools and log4brains name them (`NNNN-title.md`); anything else is reported as skipped,
// and a file that cannot be read is reported with the reason instead of stopping the import.

export interface ImportedAdr {
  file: string;
  number: number;
  status: AdrContent["status"];
  draft: AdrDraft;
  supersededBy: number | null;
  supersedes: number | null;
}

export interface FileProblem {
  file: string;
  reason: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export function readAdrFiles(files: readonly { path: string; bytes: Uint8Array }[]): { adrs: ImportedAdr[]; problems: FileProblem[] } {
  const adrs: ImportedAdr[] = [];
  const problems: FileProblem[] = [];
  for (const { path, bytes } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = baseName(path);
    if (name.startsWith(".")) continue;
    const fileNumber = numberFromFilename(name);
    if (!name.toLowerCase().endsWith(".md") || fileNumber === null) {
      problems.push({ file: path, reason: "skipped: not an ADR file (NNNN-title.md)" });
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      problems.push({ file: path, reason: "not UTF-8 text" });
      continue;
    }
    let adr: AdrContent;
    try {
      adr = parseAdr(text, fileNumber);
    } catch (error) {
      if (!(error instanceof AdrParseError)) throw error;
      problems.push({ file: path, reason: error.message });
      continue;
    }
    const { number, status, supersededBy, supersedes, ...content } = adr;
    const draft = ZAdrDraft.safeParse(content);
    if (!draft.success) {
      problems.push({ file: path, reason: draft.error.issues.map((i) => `${i.path.join(".") || "content"}: ${i.message}`).join("; ") });
      continue;
    }
    if (adrs.some((a) => a.number === number)) {
      problems.push({ file: path, reason: `a second file for ADR ${number}` });
      continue;
    }
    adrs.push({ file: path, number, status, draft: draft.data, supersededBy, supersedes });
  }
  return { adrs, problems };
}
