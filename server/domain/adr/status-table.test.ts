import { describe, expect, it } from "vitest";
import { ADR_STATUSES } from "./adr";
import { readStatus, STATUS_TABLE } from "./status-table";

describe("statuses from the wild, mapped to the nearest of ours", () => {
  it("keeps ours as they are, whatever the case and with the link they carry", () => {
    for (const status of ADR_STATUSES)
      expect(readStatus(status.toUpperCase())).toEqual({ status, importedStatus: null, assumption: null });
    expect(
      readStatus(
        "superseded by [20201016-use-the-adr-slug-as-its-unique-id](20201016-use-the-adr-slug-as-its-unique-id.md)",
      ),
    ).toMatchObject({ status: "superseded", importedStatus: null });
    expect(readStatus("superseded by ADR-0057")).toMatchObject({ status: "superseded", importedStatus: null });
    expect(readStatus("accepted; supersedes ADR-0045")).toMatchObject({ status: "accepted", importedStatus: null });
    expect(readStatus("**Accepted**")).toMatchObject({ status: "accepted", importedStatus: null });
  });

  it("maps the table's words and keeps the original, saying so", () => {
    expect(readStatus("on hold")).toEqual({
      status: "proposed",
      importedStatus: "on hold",
      assumption: 'status "on hold" imported as proposed (the original is kept)',
    });
    expect(readStatus("Draft")).toMatchObject({ status: "proposed", importedStatus: "Draft" });
    expect(readStatus("proposed draft")).toMatchObject({ status: "proposed", importedStatus: "proposed draft" });
    expect(readStatus("On-Hold")).toMatchObject({ status: "proposed", importedStatus: "On-Hold" });
    expect(readStatus("Approved")).toMatchObject({ status: "accepted", importedStatus: "Approved" });
    expect(readStatus("decided")).toMatchObject({ status: "accepted" });
    expect(readStatus("Replaced by [ADR-0005](0005-example.md)")).toMatchObject({
      status: "superseded",
      importedStatus: "Replaced by [ADR-0005](0005-example.md)",
    });
    expect(readStatus("withdrawn")).toMatchObject({ status: "rejected" });
    expect(readStatus("obsolete")).toMatchObject({ status: "deprecated" });
    expect(readStatus("accepted (partially)")).toMatchObject({
      status: "accepted",
      importedStatus: "accepted (partially)",
    });
    expect(readStatus("superseded by 5")).toMatchObject({ status: "superseded", importedStatus: null });
    expect(readStatus("accepted with changes")).toMatchObject({
      status: "accepted",
      importedStatus: "accepted with changes",
    });
  });

  it("takes a status it does not know as proposed: nothing is decided that the file does not say is", () => {
    expect(readStatus("Maybe")).toEqual({
      status: "proposed",
      importedStatus: "Maybe",
      assumption: 'status "Maybe" is not one we know: imported as proposed (the original is kept)',
    });
    expect(readStatus("x".repeat(300)).importedStatus).toHaveLength(200);
  });

  it("has each written word once, none of them ours", () => {
    const words = STATUS_TABLE.flatMap((row) => row.written);
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter((w) => (ADR_STATUSES as readonly string[]).includes(w))).toEqual([]);
    for (const row of STATUS_TABLE) for (const word of row.written) expect(readStatus(word).status).toBe(row.status);
  });
});
