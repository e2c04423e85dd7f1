import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "../db";
import { authenticate, endAllSessions } from "../server/authentication";
import { ABSOLUTE_LIFETIME_SECONDS, IDLE_TIMEOUT_SECONDS, isBeyondAbsoluteLifetime } from "./session-policy";

declare module "next-auth" {
  interface Session {
    userId?: string;
    loginAt?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    loginAt?: number;
  }
}

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded.length > 0) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" ? real : null;
}

export const authOptions: NextAuthOptions = {
  // The JWT carries only the user id and the login time; who the user is and what they may do is
  // read from the database on every request (lib/auth/session.ts), so a deactivation bites at once.
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
  jwt: { maxAge: ABSOLUTE_LIFETIME_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(prisma, credentials, clientIp(req.headers));
        if (!result.ok) return null;
        return { id: result.user.id, name: result.user.displayName };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.loginAt = Date.now();
      }
      if (isBeyondAbsoluteLifetime(token.loginAt, Date.now())) {
        delete token.uid;
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.uid;
      session.loginAt = token.loginAt;
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user, on every device: a JWT cannot be recalled, so
    // lib/auth/session.ts refuses tokens issued before sessionsValidFrom.
    async signOut({ token }) {
      if (!token?.uid) return;
      await endAllSessions(prisma, token.uid, "auth.logout");
    },
  },
};
