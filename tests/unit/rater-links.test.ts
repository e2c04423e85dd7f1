import { describe, expect, it } from "vitest";
import { isLinkParty, linkExpiry, raterLinkState } from "@/lib/domain/rater-links";
import { isExcellentAwardItem } from "@/lib/domain/scoring";

const at = (iso: string) => new Date(iso);

describe("raterLinkState", () => {
  const open = { usedAt: null, revokedAt: null, expiresAt: at("2026-12-17T02:00:00Z") };
  it("is open until the expiry instant, expired from it on", () => {
    expect(raterLinkState(open, at("2026-12-17T01:59:59.999Z"))).toBe("open");
    expect(raterLinkState(open, at("2026-12-17T02:00:00Z"))).toBe("expired");
  });
  it("a used link says used, even once revoked or past its expiry; a revoked one says revoked past its expiry", () => {
    const late = at("2027-01-01T00:00:00Z");
    expect(raterLinkState({ ...open, usedAt: at("2026-12-05T00:00:00Z"), revokedAt: at("2026-12-06T00:00:00Z") }, late)).toBe("used");
    expect(raterLinkState({ ...open, revokedAt: at("2026-12-06T00:00:00Z") }, late)).toBe("revoked");
    expect(raterLinkState({ ...open, revokedAt: at("2026-12-06T00:00:00Z") }, at("2026-12-07T00:00:00Z"))).toBe("revoked");
  });
  it("expires whole days after it is made", () => {
    expect(linkExpiry(at("2026-12-03T10:00:00Z"), 14).toISOString()).toBe("2026-12-17T10:00:00.000Z");
    expect(linkExpiry(at("2026-12-03T10:00:00Z"), 1).toISOString()).toBe("2026-12-04T10:00:00.000Z");
  });
  it("is for the parties no account scores as", () => {
    expect(["MENTORED_STAFF", "SECONDED_STAFF", "RECEIVING_INSTITUTION"].every(isLinkParty)).toBe(true);
    expect(["BUREAU", "RECEIVING_UNIT", "DISPATCHING_UNIT", "SUPPORT_INSTITUTION", "SUPPORT_HEALTH_DEPT", "RECEIVING_HEALTH_DEPT"].some(isLinkParty)).toBe(false);
  });
});

describe("isExcellentAwardItem: the award for an excellent annual grade (seed 001: 考核优秀奖 1 500 元)", () => {
  it("a per-event item that says 优秀, while active", () => {
    expect(isExcellentAwardItem({ kind: "PER_EVENT", name: "年度考核优秀奖", isActive: true })).toBe(true);
    expect(isExcellentAwardItem({ kind: "PER_EVENT", name: "考核优秀奖励", isActive: true })).toBe(true);
    expect(isExcellentAwardItem({ kind: "PER_EVENT", name: "年度考核优秀奖", isActive: false })).toBe(false);
    expect(isExcellentAwardItem({ kind: "PER_EVENT", name: "年度体检", isActive: true })).toBe(false);
    expect(isExcellentAwardItem({ kind: "MONTHLY", name: "优秀人才补贴", isActive: true })).toBe(false);
  });
});
