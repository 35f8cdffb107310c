import { describe, expect, it } from "vitest";
import { attestationSha256, decideAttestation, type AttestationRequirement } from "./attestation";

const client: { id: string; requirement: AttestationRequirement } = {
  id: "r1",
  requirement: { kind: "attestation", params: { party: "client", statement: "access to the upgrade channel granted" } },
};

describe("attestations", () => {
  it("meet the requirement of their party when the words are the gate's", () => {
    expect(decideAttestation([client], "client", "  access to the upgrade channel granted ")).toEqual({
      ok: true,
      requirementId: "r1",
      statement: "access to the upgrade channel granted",
    });
  });

  it("refuse another party, other words (naming the expected ones), and gates without attestation", () => {
    expect(decideAttestation([client], "consultant", "access to the upgrade channel granted")).toMatchObject({
      ok: false,
      code: "WRONG_PARTY",
      reasons: ["this attestation is for the client's approver to give"],
    });
    expect(decideAttestation([client], "client", "access granted")).toEqual({
      ok: false,
      code: "WRONG_STATEMENT",
      reasons: ['the gate asks for exactly: "access to the upgrade channel granted"'],
    });
    expect(decideAttestation([], "client", "anything")).toMatchObject({ ok: false, code: "NOT_ATTESTABLE" });
  });

  it("digest the canonical record: the same record always, any change another", () => {
    const record = {
      milestoneId: "m",
      requirementId: "r1",
      party: "client" as const,
      statement: "s",
      attestedBy: { userId: "u", name: "Wang Lei" },
      attestedAt: "2026-12-02T00:00:00.000Z",
    };
    expect(attestationSha256(record)).toBe(attestationSha256({ ...record }));
    expect(attestationSha256({ ...record, statement: "t" })).not.toBe(attestationSha256(record));
    expect(attestationSha256(record)).toMatch(/^[0-9a-f]{64}$/);
  });
});
