import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { ABSOLUTE_LIFETIME_SECONDS, IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";

// next-auth's configuration carries the session rules: the cookie's lifetime is the idle timeout
// (refreshed on activity), and the jwt callback drops the user from a token past 12 hours.
type JwtCallback = (params: { token: JWT; user?: { id: string; sid?: string } }) => JWT | Promise<JWT>;
const jwt = authOptions.callbacks!.jwt as unknown as JwtCallback;

describe("session configuration", () => {
  it("ends an idle session after 30 minutes (cookie lifetime, refreshed on every session read)", () => {
    expect(authOptions.session).toMatchObject({ strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 });
    expect(IDLE_TIMEOUT_SECONDS).toBe(1800);
  });

  it("stamps the login time when the user signs in", async () => {
    const before = Date.now();
    const token = await jwt({ token: {}, user: { id: "u1" } });
    expect(token.uid).toBe("u1");
    expect(token.loginAt).toBeGreaterThanOrEqual(before);
  });

  it("ends a token older than 12 hours, or one naming no server-side session, before asking the database", async () => {
    // next-auth answers a throwing jwt callback with no session and a cleared cookie. The idle
    // timeout and sign-out are the session row's (tests/integration/security-sessions.test.ts).
    await expect(jwt({ token: { uid: "u1", sid: "s1", loginAt: Date.now() - (ABSOLUTE_LIFETIME_SECONDS + 1) * 1000 } })).rejects.toThrow("session ended");
    await expect(jwt({ token: { uid: "u1", loginAt: Date.now() - 60_000 } })).rejects.toThrow("session ended");
  });

  it("gives the session no user id unless the jwt callback confirmed the session in this request", () => {
    const session = authOptions.callbacks!.session as unknown as (p: { session: { expires: string }; token: JWT }) => Record<string, unknown>;
    expect(session({ session: { expires: "x" }, token: { uid: "u1", live: false } })).toEqual({ expires: "x" });
    expect(session({ session: { expires: "x" }, token: { uid: "u1" } })).toEqual({ expires: "x" });
    expect(session({ session: { expires: "x" }, token: { uid: "u1", live: true, loginAt: 5 } })).toMatchObject({ userId: "u1", loginAt: 5 });
  });
});
