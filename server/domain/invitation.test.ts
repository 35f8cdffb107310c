import { describe, expect, it } from "vitest";
import { invitationExpiry, invitationStatus, invitationTokenHash } from "./invitation";

describe("invitations", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  it("expire after seven days by default and know their status", () => {
    const expiresAt = invitationExpiry(now);
    expect(expiresAt.toISOString()).toBe("2026-12-04T10:00:00.000Z");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt }, now)).toBe("pending");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt }, expiresAt)).toBe("expired");
    expect(invitationStatus({ acceptedAt: now, revokedAt: null, expiresAt }, expiresAt)).toBe("accepted");
    expect(invitationStatus({ acceptedAt: null, revokedAt: now, expiresAt }, now)).toBe("revoked");
  });

  it("store a digest, never the token", () => {
    const token = "inv_" + "a".repeat(43);
    expect(invitationTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(invitationTokenHash(token)).not.toContain(token);
  });
});
