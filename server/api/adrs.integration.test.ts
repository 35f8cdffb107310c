import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { AdrContent } from "../domain/adr/adr";
import { draftOf } from "../domain/adr/draft";
import { numberFromFilename } from "../domain/adr/madr";
import { parseAdr } from "../domain/adr/madr-read";
import { loadAuditChain } from "../data/audit/chain";
import {
  attachVerifiedEvidence,
  createTestDatabase,
  idOf,
  organisationIdOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import { errorCodeOf } from "./test-support/error-code";
import { importAdrsRest } from "./rest/adr-import";
import { adrPdfRest } from "./rest/adr-pdf";
import { exportAdrsRest, listAdrsRest } from "./rest/adrs";
import { createCaller } from "./root";

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-adr-"));
  writeFileSync(path.join(dir, "doc.pdf"), bytes);
  const out = spawnSync("pdftotext", [path.join(dir, "doc.pdf"), "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

/** The MADR-expressible part of an ADR as listed (what a file carries). */
function contentOf(adr: AdrContent & Record<string, unknown>): AdrContent {
  const {
    number,
    title,
    status,
    importedStatus,
    date,
    deciders,
    consulted,
    informed,
    context,
    decisionDrivers,
    consideredOptions,
    decisionOutcome,
    consequences,
    validation,
    supersededBy,
    supersedes,
  } = adr;
  return {
    number,
    title,
    status,
    importedStatus,
    date,
    deciders,
    consulted,
    informed,
    context,
    decisionDrivers,
    consideredOptions,
    decisionOutcome,
    consequences,
    validation,
    supersededBy,
    supersedes,
  };
}

/** A real project's decision folder (server/domain/adr/fixtures) as the zip a user would upload. */
function fixtureZip(project: string, under: string): Uint8Array<ArrayBuffer> {
  const dir = path.join(import.meta.dirname, "../domain/adr/fixtures", project);
  return new Uint8Array(
    zipSync(
      Object.fromEntries(
        readdirSync(dir).map((name) => [`${under}/${name}`, new Uint8Array(readFileSync(path.join(dir, name)))]),
      ),
    ),
  );
}

type Report = {
  imported: number[];
  assumptions: { file: string; number: number; what: string }[];
  problems: { file: string; reason: string }[];
};

const DRAFT = {
  title: "Cache Merkle roots per block range",
  date: "2026-11-20",
  deciders: ["Nora Lindqvist"],
  context: "Integrity checks recompute roots for every range.\nThat costs 40% of a sync cycle.",
  decisionDrivers: ["sync delay P99 <= 1.5 s"],
  consideredOptions: [{ title: "Cache in SQLite", pros: ["no new service"], cons: ["invalidation on reorg"] }],
  decisionOutcome: "Cache in SQLite, keyed by range and tip hash.",
  consequences: "Reorgs invalidate the cached ranges above the fork.",
  validation: "",
};

describe.each(testDatabaseKinds())("ADRs over the API on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  it("lists the demo's ADR-007 for the consultant and the client, and nothing to other tenants", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const adrs = await createCaller({ session: owner }).adr.list({ engagementId });
    expect(adrs.find((a) => a.number === 7)).toMatchObject({
      title: "Use embedded SQLite storage",
      status: "accepted",
    });
    const rest = (await (await listAdrsRest(owner, engagementId)).json()) as {
      adrs: { number: number; status: string }[];
    };
    expect(rest.adrs).toContainEqual({
      number: 7,
      title: "Use embedded SQLite storage",
      status: "accepted",
      importedStatus: null,
      date: "2026-09-20",
      supersededBy: null,
    });

    const approver = await sessionFor("approver@eastbank.test");
    const portal = await createCaller({ session: approver }).portal.adr.list({ engagementId });
    expect(portal.every((a) => a.status === "accepted")).toBe(true);
    expect(portal.map((a) => a.number)).toContain(7);

    for (const email of ["approver@lakeside.test", "owner@contoso.test"]) {
      expect((await listAdrsRest(await sessionFor(email), engagementId)).status).toBe(404);
      expect((await exportAdrsRest(await sessionFor(email), engagementId)).status).toBe(404);
    }
  });

  it("exports MADR files under adr-tools names that read back to the same records", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const response = await exportAdrsRest(owner, engagementId);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(files);
    expect(names).toContain("docs/decisions/0007-use-embedded-sqlite-storage.md");
    const listed = (await createCaller({ session: owner }).adr.list({ engagementId })).map(contentOf);
    const read = names
      .map((name) => parseAdr(strFromU8(files[name]!), numberFromFilename(name)))
      .sort((a, b) => a.number - b.number);
    expect(read).toEqual(listed);
  });

  it("numbers new ADRs, keeps every edit of a proposed one with a diff, and refuses a stale edit", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const created = await owner.adr.create({ engagementId, draft: DRAFT });
    expect(created.number).toBe(8);
    const edited = await owner.adr.edit({
      adrId: created.id,
      revision: 1,
      draft: {
        ...DRAFT,
        context: "Integrity checks recompute roots for every range.\nThat costs 45% of a sync cycle.",
      },
    });
    expect(edited.revision).toBe(2);
    expect(await errorCodeOf(owner.adr.edit({ adrId: created.id, revision: 1, draft: DRAFT }))).toBe("CONFLICT");
    const history = await owner.adr.history({ adrId: created.id });
    expect(history.map((h) => h.revision)).toEqual([2, 1]);
    expect(history[0]!.by).toBe("Nora Lindqvist");
    expect(history[0]!.changes).toEqual([
      {
        field: "context",
        lines: [
          { op: "same", text: "Integrity checks recompute roots for every range." },
          { op: "remove", text: "That costs 40% of a sync cycle." },
          { op: "add", text: "That costs 45% of a sync cycle." },
        ],
      },
    ]);
    expect(await errorCodeOf(owner.adr.create({ engagementId, draft: { ...DRAFT, date: "2026-02-30" } }))).toBe(
      "BAD_REQUEST",
    );
    expect((await owner.adr.list({ engagementId })).map((a) => a.number)).toEqual([6, 7, 8]);
  });

  it("freezes accepted ADRs: they change only by superseding, which links both ways", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const adr8 = (await owner.adr.list({ engagementId })).find((a) => a.number === 8)!;
    expect(await errorCodeOf(owner.adr.setStatus({ adrId: adr8.id, status: "superseded" }))).toBe("CONFLICT");
    await owner.adr.setStatus({ adrId: adr8.id, status: "accepted" });
    expect(await errorCodeOf(owner.adr.edit({ adrId: adr8.id, revision: adr8.revision, draft: DRAFT }))).toBe(
      "CONFLICT",
    );
    expect(await errorCodeOf(owner.adr.setStatus({ adrId: adr8.id, status: "proposed" }))).toBe("CONFLICT");

    const replacement = await owner.adr.supersede({
      adrId: adr8.id,
      draft: { ...DRAFT, title: "Cache Merkle roots in memory per node" },
    });
    expect(replacement.number).toBe(9);
    const after = await owner.adr.list({ engagementId });
    expect(after.find((a) => a.number === 8)).toMatchObject({ status: "superseded", supersededBy: 9 });
    expect(after.find((a) => a.number === 9)).toMatchObject({ status: "accepted", supersedes: 8 });
    expect(await errorCodeOf(owner.adr.supersede({ adrId: adr8.id, draft: DRAFT }))).toBe("CONFLICT");
    const actions = (await loadAuditChain(await organisationIdOf("owner@northwind.test")))
      .filter((e) => e.entityId === adr8.id)
      .map((e) => e.action);
    expect(actions).toEqual(["adr.created", "adr.edited", "adr.status_changed", "adr.superseded"]);
  });

  it("shows the latest verdict of the gate requirement that validates an ADR", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const adr7 = (await owner.adr.list({ engagementId })).find((a) => a.number === 7)!;
    expect(adr7.validationLink).toMatchObject({
      kind: "requirement",
      label: "Proof of concept: go-bench",
      verdict: "none",
    });
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    await attachVerifiedEvidence("owner@northwind.test", poc, "go-bench", "fail", [
      "BenchmarkSyncBlock: 61 ms > 50 ms",
    ]);
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.validationLink).toMatchObject({
      verdict: "fail",
      reasons: ["BenchmarkSyncBlock: 61 ms > 50 ms"],
    });
    const sha = await attachVerifiedEvidence("owner@northwind.test", poc, "go-bench", "pass");
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.validationLink).toMatchObject({
      verdict: "pass",
      evidenceSha256: sha,
    });

    const targets = await owner.adr.validationTargets({ engagementId });
    const sla = targets.find((t) => t.kind === "sla")!;
    await owner.adr.linkValidation({ adrId: adr7.id, target: { kind: "sla", id: sla.id } });
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.validationLink).toMatchObject({
      kind: "sla",
      label: sla.label,
      verdict: "none",
    });
    const otherEngagement = await idOf("engagement", { title: "Checkout latency review" });
    const foreign = (await owner.adr.validationTargets({ engagementId: otherEngagement }))[0]!;
    expect(
      await errorCodeOf(owner.adr.linkValidation({ adrId: adr7.id, target: { kind: foreign.kind, id: foreign.id } })),
    ).toBe("NOT_FOUND");
    const bench = targets.find((t) => t.label === "Proof of concept: go-bench")!;
    await owner.adr.linkValidation({ adrId: adr7.id, target: { kind: bench.kind, id: bench.id } });
  });

  it("records an approver's acknowledgement with the content hash they read; viewers and other clients cannot", async () => {
    const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
    const adr7 = (await approver.portal.adr.list({ engagementId })).find((a) => a.number === 7)!;
    expect(await errorCodeOf(approver.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: "0".repeat(64) }))).toBe(
      "CONFLICT",
    );
    const ack = await approver.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 });
    expect(ack.contentSha256).toBe(adr7.contentSha256);
    // acknowledging twice is the same acknowledgement
    expect(
      (await approver.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 })).acknowledgedAt,
    ).toBe(ack.acknowledgedAt);
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.acknowledgements).toEqual([
      { by: "Wang Lei", at: ack.acknowledgedAt, contentSha256: adr7.contentSha256, current: true, mine: false },
    ]);
    expect(
      (await approver.portal.adr.list({ engagementId })).find((a) => a.number === 7)!.acknowledgements[0]!.mine,
    ).toBe(true);

    const viewer = createCaller({ session: await sessionFor("viewer@eastbank.test") });
    expect(
      await errorCodeOf(viewer.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 })),
    ).toBe("FORBIDDEN");
    const lakeside = createCaller({ session: await sessionFor("approver@lakeside.test") });
    expect(
      await errorCodeOf(lakeside.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 })),
    ).toBe("NOT_FOUND");
    const superseded = (await owner.adr.list({ engagementId })).find((a) => a.number === 6)!;
    expect(
      await errorCodeOf(
        approver.portal.adr.acknowledge({ adrId: superseded.id, contentSha256: superseded.contentSha256 }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("imports an exported zip into another engagement losing nothing, and reports what it could not import", async () => {
    const ownerSession = await sessionFor("owner@northwind.test");
    const owner = createCaller({ session: ownerSession });
    const zip = new Uint8Array(await (await exportAdrsRest(ownerSession, engagementId)).arrayBuffer());
    const target = await owner.engagement.create({
      clientId: await idOf("client", { name: "Eastbank" }),
      title: "ADR import target",
      currency: "CNY",
      feeMinor: 1_000_000,
      taxRateBp: 600,
      startDate: "2026-12-01",
      milestones: [
        {
          key: "review",
          title: "Review",
          kind: "standard",
          shareBp: 10_000,
          requirements: [{ kind: "attestation", params: { statement: "reviewed" } }],
        },
      ],
    });
    const post = (session: typeof ownerSession, body: BodyInit, contentType: string, id = target.id) =>
      importAdrsRest(
        session,
        id,
        new Request("http://t/import", { method: "POST", body, headers: { "content-type": contentType } }),
      );

    const first = await post(ownerSession, zip, "application/zip");
    expect(first.status).toBe(200);
    const report = (await first.json()) as Report;
    expect(report).toEqual({ imported: [6, 7, 8, 9], assumptions: [], problems: [] });
    const source = (await owner.adr.list({ engagementId })).map(contentOf);
    expect((await owner.adr.list({ engagementId: target.id })).map(contentOf)).toEqual(source);

    const again = (await (await post(ownerSession, zip, "application/zip")).json()) as {
      imported: number[];
      problems: { file: string; reason: string }[];
    };
    expect(again.imported).toEqual([]);
    expect(again.problems).toContainEqual({
      file: "docs/decisions/0007-use-embedded-sqlite-storage.md",
      reason: "ADR 7 exists already in this engagement; not imported",
    });

    // a folder's files as multipart parts, one of them not an ADR
    const form = new FormData();
    form.append(
      "files",
      new Blob([
        "# 10. Shard the block index\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n\nOne index per " +
          "chain.\n",
      ]),
      "decisions/0010-shard-the-block-index.md",
    );
    form.append("files", new Blob(["notes"]), "decisions/notes.txt");
    const folder = new Request("http://t/import", { method: "POST", body: form });
    const folderReport = (await (await importAdrsRest(ownerSession, target.id, folder)).json()) as {
      imported: number[];
      problems: { file: string; reason: string }[];
    };
    expect(folderReport).toEqual({
      imported: [10],
      assumptions: [],
      problems: [
        {
          file: "decisions/notes.txt",
          reason: "skipped: not an ADR file (NNNN-title.md, or YYYYMMDD-title.md as log4brains names them)",
        },
      ],
    });
    expect((await owner.adr.list({ engagementId: target.id })).find((a) => a.number === 10)).toMatchObject({
      title: "Shard the block index",
      status: "proposed",
      context: "One index per chain.",
    });

    const before = (await owner.adr.list({ engagementId: target.id })).length;
    const escape = await post(
      ownerSession,
      zipSync({ "../0011-escape.md": strToU8("# 11. Escape\n\nDate: 2026-11-30\n") }),
      "application/zip",
    );
    expect(escape.status).toBe(400);
    expect(((await escape.json()) as { reasons: string[] }).reasons[0]).toMatch(
      /leaves the archive; nothing was imported/,
    );
    expect((await owner.adr.list({ engagementId: target.id })).length).toBe(before);

    expect((await post(await sessionFor("approver@eastbank.test"), zip, "application/zip")).status).toBe(403);
    expect((await post(await sessionFor("owner@contoso.test"), zip, "application/zip")).status).toBe(404);
    expect((await post(ownerSession, "plain", "text/plain")).status).toBe(400);
  });

  it("imports the decision folders of real projects whole, and reports what it assumed for each file", async () => {
    const ownerSession = await sessionFor("owner@northwind.test");
    const owner = createCaller({ session: ownerSession });
    const clientId = await idOf("client", { name: "Eastbank" });
    const engagement = (title: string) =>
      owner.engagement.create({
        clientId,
        title,
        currency: "CNY",
        feeMinor: 1_000_000,
        taxRateBp: 600,
        startDate: "2026-12-01",
        milestones: [
          {
            key: "review",
            title: "Review",
            kind: "standard",
            shareBp: 10_000,
            requirements: [{ kind: "attestation", params: { statement: "reviewed" } }],
          },
        ],
      });
    const importZip = async (id: string, zip: Uint8Array<ArrayBuffer>) => {
      const response = await importAdrsRest(
        ownerSession,
        id,
        new Request("http://t/import", { method: "POST", body: zip, headers: { "content-type": "application/zip" } }),
      );
      expect(response.status).toBe(200);
      return (await response.json()) as Report;
    };
    const assumed = (report: Report, number: number) =>
      report.assumptions.filter((a) => a.number === number).map((a) => a.what);

    // adr/madr's own folder: MADR 4 with YAML front matter, numbered from 0000, no dates, "on hold"
    const madr = await engagement("MADR's decisions");
    const madrReport = await importZip(madr.id, fixtureZip("adr-madr", "docs/decisions"));
    expect(madrReport.imported).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(madrReport.problems).toEqual([]);
    expect(assumed(madrReport, 3)).toEqual([
      'status "on hold" imported as proposed (the original is kept)',
      "no date: imported as unknown",
      "front matter not kept: parent, nav_order",
      'section "More Information" kept at the end of the decision outcome',
    ]);
    expect(madrReport.assumptions).toContainEqual({
      file: "docs/decisions/0000-use-markdown-architectural-decision-records.md",
      number: 0,
      what: "no date: imported as unknown",
    });
    const madrAdrs = await owner.adr.list({ engagementId: madr.id });
    expect(madrAdrs.map((a) => [a.number, a.status, a.importedStatus, a.date])).toContainEqual([
      3,
      "proposed",
      "on hold",
      null,
    ]);
    expect(madrAdrs.every((a) => a.date === null)).toBe(true);
    expect(madrAdrs[0]).toMatchObject({
      number: 0,
      title: "Use Markdown Architectural Decision Records",
      status: "proposed",
      importedStatus: null,
    });

    // JabRef's folder: 70 files, a few with front matter statuses and dates, 0045 and 0057 linked
    const jabref = await engagement("JabRef's decisions");
    const jabrefReport = await importZip(jabref.id, fixtureZip("jabref", "docs/decisions"));
    expect(jabrefReport.imported).toEqual(Array.from({ length: 70 }, (_, i) => i));
    expect(jabrefReport.problems).toEqual([]);
    expect(assumed(jabrefReport, 47)).toEqual(
      expect.not.arrayContaining(["no date: imported as unknown", "no status: imported as proposed"]),
    );
    expect(assumed(jabrefReport, 46).slice(0, 2)).toEqual([
      "no status: imported as proposed",
      "no date: imported as unknown",
    ]);
    const jabrefAdrs = await owner.adr.list({ engagementId: jabref.id });
    expect(jabrefAdrs.find((a) => a.number === 45)).toMatchObject({
      status: "superseded",
      supersededBy: 57,
      date: null,
    });
    expect(jabrefAdrs.find((a) => a.number === 57)).toMatchObject({ status: "accepted", supersedes: 45 });
    expect(jabrefAdrs.find((a) => a.number === 47)).toMatchObject({
      status: "accepted",
      date: "2025-07-31",
      deciders: ["@ryan-carpenter", "@ThiloteE", "@SiedlerChr", "@callixtus", "@koppor"],
    });

    // log4brains' folder into the same engagement: numbered after ADR 69, linked by file name
    const l4bReport = await importZip(jabref.id, fixtureZip("log4brains", "docs/adr"));
    expect(l4bReport.imported).toEqual([70, 71, 72, 73, 74, 75, 76, 77, 78]);
    expect(l4bReport.problems).toEqual([]);
    expect(assumed(l4bReport, 70)).toEqual([
      "numbered ADR-070: the file name carries a date, not a number (log4brains)",
    ]);
    const withL4b = await owner.adr.list({ engagementId: jabref.id });
    expect(withL4b.find((a) => a.number === 73)).toMatchObject({
      title: "Use the ADR number as its unique ID",
      status: "superseded",
      date: "2020-09-26",
      supersededBy: 75,
    });
    expect(withL4b.find((a) => a.number === 75)).toMatchObject({
      title: "Use the ADR slug as its unique ID",
      supersedes: 73,
    });

    // the REST list and the PDF say "unknown" rather than inventing a date
    const rest = (await (await listAdrsRest(ownerSession, madr.id)).json()) as { adrs: Record<string, unknown>[] };
    expect(rest.adrs[3]).toEqual({
      number: 3,
      title: "Write Own MADR Tooling",
      status: "proposed",
      importedStatus: "on hold",
      date: null,
      supersededBy: null,
    });
    const pdf = pdfText(
      new Uint8Array(
        await (
          await adrPdfRest(
            ownerSession,
            madr.id,
            new Request(`http://t/adrs/pdf?number=3`, { headers: { "accept-language": "en" } }),
          )
        ).arrayBuffer(),
      ),
    );
    expect(pdf).toContain("ADR-003 Write Own MADR Tooling");
    expect(pdf).toContain("Date: unknown");
    expect(pdf).toContain("Proposed, imported as “on hold”");
    expect((await adrPdfRest(ownerSession, madr.id, new Request("http://t/adrs/pdf?number=0"))).status).toBe(200);

    // exported as MADR (no date line for an unknown date) and imported again: the same records
    const exported = new Uint8Array(await (await exportAdrsRest(ownerSession, jabref.id)).arrayBuffer());
    const files = unzipSync(exported);
    expect(strFromU8(files["docs/decisions/0045-use-input-flag-consistently-for-reading-input-files.md"]!)).not.toMatch(
      /^date:/m,
    );
    const copy = await engagement("JabRef's decisions, again");
    const again = await importZip(copy.id, exported);
    expect(again.imported).toHaveLength(79);
    expect(again.problems).toEqual([]);
    expect((await owner.adr.list({ engagementId: copy.id })).map(contentOf)).toEqual(withL4b.map(contentOf));
    const madrCopy = await engagement("MADR's decisions, again");
    await importZip(madrCopy.id, new Uint8Array(await (await exportAdrsRest(ownerSession, madr.id)).arrayBuffer()));
    expect((await owner.adr.list({ engagementId: madrCopy.id })).map(contentOf)).toEqual(madrAdrs.map(contentOf));

    // an imported ADR is edited with its date still unknown; accepting it drops the status kept as written
    const onHold = madrAdrs.find((a) => a.number === 3)!;
    const edited = await owner.adr.edit({
      adrId: onHold.id,
      revision: onHold.revision,
      draft: { ...draftOf(onHold), consulted: ["Oliver Kopp"] },
    });
    expect(edited.revision).toBe(2);
    expect((await owner.adr.history({ adrId: onHold.id }))[0]!.changes).toEqual([
      { field: "consulted", lines: [{ op: "add", text: "Oliver Kopp" }] },
    ]);
    await owner.adr.setStatus({ adrId: onHold.id, status: "accepted" });
    expect((await owner.adr.list({ engagementId: madr.id })).find((a) => a.number === 3)).toMatchObject({
      status: "accepted",
      importedStatus: null,
      date: null,
      consulted: ["Oliver Kopp"],
      contentSha256: edited.contentSha256,
    });
  });

  it("renders the ADR log and one ADR as PDF with contents, statuses, supersede links, verdicts and Chinese text", async () => {
    const ownerSession = await sessionFor("owner@northwind.test");
    const owner = createCaller({ session: ownerSession });
    await owner.adr.create({
      engagementId,
      status: "accepted",
      draft: { ...DRAFT, title: "采用分片区块索引", context: "每条链一个索引。" },
    });
    const pdf = (session: typeof ownerSession, query = "", language = "en") =>
      adrPdfRest(
        session,
        engagementId,
        new Request(`http://t/api/v1/engagements/${engagementId}/adrs/pdf${query}`, {
          headers: { "accept-language": language },
        }),
      );
    const log = await pdf(ownerSession);
    expect(log.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await log.arrayBuffer()));
    for (const expected of [
      "Architecture decision log",
      "Contents",
      "ADR-007",
      "Use embedded SQLite storage",
      "Accepted",
      "Superseded",
      "ADR-006 → ADR-007",
      "Superseded by ADR-007",
      "采用分片区块索引",
      "每条链一个索引。",
      "Validated by: Proof of concept: go-bench — passing",
      "Page 1 / ",
    ]) {
      expect(text).toContain(expected);
    }
    const one = pdfText(new Uint8Array(await (await pdf(ownerSession, "?number=7")).arrayBuffer()));
    expect(one).toContain("Architecture decision record ADR-007");
    expect(one).not.toContain("Keep sync state in PostgreSQL");
    expect((await pdf(ownerSession, "?number=99")).status).toBe(404);
    expect((await pdf(ownerSession, "?number=x")).status).toBe(400);

    const client = pdfText(
      new Uint8Array(await (await pdf(await sessionFor("approver@eastbank.test"), "", "zh-CN")).arrayBuffer()),
    );
    expect(client).toContain("已采纳");
    expect(client).not.toContain("Keep sync state in PostgreSQL");
    expect((await pdf(await sessionFor("owner@contoso.test"))).status).toBe(404);
  });
});
