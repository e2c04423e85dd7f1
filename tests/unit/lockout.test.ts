import { describe, expect, it } from "vitest";
import { afterFailedLogin, isLocked, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "@/lib/auth/lockout";
import { ABSOLUTE_LIFETIME_SECONDS, isBeyondAbsoluteLifetime, isSessionCurrent } from "@/lib/auth/session-policy";

const now = new Date("2026-11-23T08:00:00Z");

describe("lock-out after failed logins", () => {
  it("counts failures below the limit without locking", () => {
    expect(afterFailedLogin(0, now)).toEqual({ failedLoginCount: 1, lockedUntil: null });
    expect(afterFailedLogin(MAX_FAILED_LOGINS - 2, now)).toEqual({ failedLoginCount: MAX_FAILED_LOGINS - 1, lockedUntil: null });
  });
  it("locks for 15 minutes on the 5th consecutive failure and restarts the count", () => {
    const next = afterFailedLogin(MAX_FAILED_LOGINS - 1, now);
    expect(next.failedLoginCount).toBe(0);
    expect(next.lockedUntil?.toISOString()).toBe(new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString());
  });
  it("is locked until the instant the lock ends, not after", () => {
    const until = new Date(now.getTime() + 60_000);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

describe("absolute session lifetime", () => {
  const loginAt = now.getTime();
  it("holds for 12 hours and ends after", () => {
    expect(isBeyondAbsoluteLifetime(loginAt, loginAt + ABSOLUTE_LIFETIME_SECONDS * 1000)).toBe(false);
    expect(isBeyondAbsoluteLifetime(loginAt, loginAt + ABSOLUTE_LIFETIME_SECONDS * 1000 + 1)).toBe(true);
  });
  it("treats a token without a login time as expired", () => {
    expect(isBeyondAbsoluteLifetime(undefined, loginAt)).toBe(true);
  });
});

describe("sessions ended by sign-out everywhere, reset or deactivation", () => {
  const endedAt = new Date("2026-11-23T09:00:00Z");
  it("keeps sessions of an account whose sessions were never ended", () => {
    expect(isSessionCurrent(now.getTime(), null)).toBe(true);
  });
  it("ends sessions that began before the instant, keeps those begun at or after it", () => {
    expect(isSessionCurrent(endedAt.getTime() - 1, endedAt)).toBe(false);
    expect(isSessionCurrent(endedAt.getTime(), endedAt)).toBe(true);
    expect(isSessionCurrent(endedAt.getTime() + 60_000, endedAt)).toBe(true);
  });
  it("refuses a token without a login time", () => {
    expect(isSessionCurrent(undefined, null)).toBe(false);
  });
});
