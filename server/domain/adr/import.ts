import { adrLabel, type AdrStatus } from "./adr";
import { dateNamedSlug, refLabel, type AdrRef } from "./adr-links";
import { ZAdrDraft, type AdrDraft } from "./draft";
import { numberFromFilename } from "./madr";
import { AdrParseError, readAdrText, type ReadAdr } from "./madr-read";

// Which files of an imported folder or archive are ADRs, what each says, and the numbers and
// links they take in an engagement. ADR files are named as adr-tools and MADR name them
// (`NNNN-title.md`, numbering from 0000) or as log4brains does (`YYYYMMDD-title.md`, no number:
// they are numbered after the engagement's last ADR, in file order). A file that cannot be read
// is reported with the reason instead of stopping the import; what was assumed in reading a file
// is reported with it.

export interface FileProblem {
  file: string;
  reason: string;
}

export interface FileAssumption {
  file: string;
  number: number;
  what: string;
}

/** A file read and validated, before it has a number in the engagement. */
export interface ReadAdrFile {
  file: string;
  /** the file's base name without `.md`, which log4brains links use */
  slug: string;
  number: number | null;
  status: AdrStatus;
  importedStatus: string | null;
  draft: AdrDraft;
  supersededBy: AdrRef | null;
  supersedes: AdrRef | null;
  assumptions: string[];
}

export interface ImportedAdr extends Omit<ReadAdrFile, "number" | "supersededBy" | "supersedes" | "slug"> {
  number: number;
  supersededBy: number | null;
  supersedes: number | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
export const NOT_AN_ADR_FILE =
  "skipped: not an ADR file (NNNN-title.md, or YYYYMMDD-title.md as log4brains names them)";

export function readAdrFiles(files: readonly { path: string; bytes: Uint8Array }[]): {
  adrs: ReadAdrFile[];
  problems: FileProblem[];
} {
  const adrs: ReadAdrFile[] = [];
  const problems: FileProblem[] = [];
  for (const { path, bytes } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = baseName(path);
    if (name.startsWith(".")) continue;
    const fileNumber = numberFromFilename(name);
    const slug = name.toLowerCase().endsWith(".md")
      ? fileNumber !== null
        ? name.slice(0, -3)
        : dateNamedSlug(name)
      : null;
    if (slug === null) {
      problems.push({ file: path, reason: NOT_AN_ADR_FILE });
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      problems.push({ file: path, reason: "not UTF-8 text" });
      continue;
    }
    let adr: ReadAdr;
    try {
      adr = readAdrText(text, fileNumber);
    } catch (error) {
      if (!(error instanceof AdrParseError)) throw error;
      problems.push({ file: path, reason: error.message });
      continue;
    }
    const { number, status, importedStatus, supersededBy, supersedes, assumptions, ...content } = adr;
    const draft = ZAdrDraft.safeParse(content);
    if (!draft.success) {
      problems.push({
        file: path,
        reason: draft.error.issues.map((i) => `${i.path.join(".") || "content"}: ${i.message}`).join("; "),
      });
      continue;
    }
    if (number !== null && adrs.some((a) => a.number === number)) {
      problems.push({ file: path, reason: `a second file for ADR ${number}` });
      continue;
    }
    adrs.push({
      file: path,
      slug,
      number,
      status,
      importedStatus,
      draft: draft.data,
      supersededBy,
      supersedes,
      assumptions,
    });
  }
  return { adrs, problems };
}

/**
 * The read files with their numbers in an engagement that has `taken` numbers already: a file
 * without one (log4brains) takes the next free number after every number there and in the
 * import. Links are resolved to numbers; one that names a file not in the import is reported.
 */
export function numberAdrFiles(
  files: readonly ReadAdrFile[],
  taken: Iterable<number>,
): { adrs: ImportedAdr[]; problems: FileProblem[] } {
  let next = Math.max(0, ...taken, ...files.flatMap((f) => (f.number === null ? [] : [f.number]))) + 1;
  const numbered = files.map((file) => {
    if (file.number !== null) return { file, number: file.number, assumptions: file.assumptions };
    const number = next++;
    return {
      file,
      number,
      assumptions: [
        `numbered ${adrLabel(number)}: the file name carries a date, not a number (log4brains)`,
        ...file.assumptions,
      ],
    };
  });
  const bySlug = new Map(numbered.map((n) => [n.file.slug, n.number]));
  const problems: FileProblem[] = [];
  const resolve = (ref: AdrRef | null, file: ReadAdrFile): number | null => {
    if (ref === null) return null;
    if ("number" in ref) return ref.number;
    const number = bySlug.get(ref.file);
    if (number === undefined)
      problems.push({
        file: file.file,
        reason: `links to ${refLabel(ref)}, which is not among the imported files; imported without that link`,
      });
    return number ?? null;
  };
  const adrs = numbered.map(({ file, number, assumptions }): ImportedAdr => {
    const { slug: _slug, ...rest } = file;
    const supersededBy = resolve(file.supersededBy, file);
    const supersedes = resolve(file.supersedes, file);
    return {
      ...rest,
      number,
      assumptions,
      supersededBy: supersededBy === number ? null : supersededBy,
      supersedes: supersedes === number ? null : supersedes,
    };
  });
  return { adrs, problems };
}
