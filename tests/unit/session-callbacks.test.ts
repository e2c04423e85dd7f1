import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { ABSOLUTE_LIFETIME_SECONDS, IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";

// next-auth's configuration carries the session rules: the cookie's lifetime is the idle timeout
// (refreshed on activity), and the jwt callback drops the user from a token past 12 hours.
type JwtCallback = (params: { token: JWT; user?: { id: string } }) => JWT | Promise<JWT>;
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

  it("keeps a token younger than 12 hours and empties one older", async () => {
    const young = await jwt({ token: { uid: "u1", loginAt: Date.now() - (ABSOLUTE_LIFETIME_SECONDS - 60) * 1000 } });
    expect(young.uid).toBe("u1");
    const old = await jwt({ token: { uid: "u1", loginAt: Date.now() - (ABSOLUTE_LIFETIME_SECONDS + 1) * 1000 } });
    expect(old.uid).toBeUndefined();
  });
});
