import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "../db";
import { authenticate, endAllSessions } from "../server/authentication";
import { clientAddress } from "../server/client-address";
import { resolveSession } from "../server/sessions";
import { attachContext, contextOf } from "./session-context";
import { ABSOLUTE_LIFETIME_SECONDS, IDLE_TIMEOUT_SECONDS } from "./session-policy";
import type { SignInErrorCode } from "./sign-in-errors";

declare module "next-auth" {
  interface Session {
    userId?: string;
    loginAt?: number;
  }
  interface User {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
    loginAt?: number;
    /** Set per request by the jwt callback: the database confirmed the session (never trusted from the cookie). */
    live?: boolean;
  }
}

/** The session is over (signed out, idle, too old): next-auth then clears the cookie and answers no session. */
class SessionEndedError extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEndedError";
  }
}

function signInError(code: SignInErrorCode): Error {
  return new Error(code);
}

export const authOptions: NextAuthOptions = {
  // The JWT carries the user id, the session id and the login time. The session row decides (idle
  // timeout, sign-out, 12-hour limit) and who the user is and what they may do is read from the
  // database on every request (lib/auth/session.ts), so a deactivation bites at once.
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
  jwt: { maxAge: ABSOLUTE_LIFETIME_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // An ended session is the expected answer to an old cookie, not an error worth a stack trace.
    error(code, metadata) {
      const name = (metadata as { name?: string; error?: { name?: string } } | undefined)?.name ?? (metadata as { error?: { name?: string } } | undefined)?.error?.name;
      if (code === "JWT_SESSION_ERROR" && name === "SessionEndedError") return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        let result;
        try {
          result = await authenticate(prisma, credentials, clientAddress(req.headers));
        } catch (error) {
          // The database is unreachable or failed: "unavailable", never "wrong password", never its text.
          console.error("[auth] sign-in failed", error);
          throw signInError("ServiceUnavailable");
        }
        if (!result.ok) return null;
        return { id: result.user.id, name: result.user.displayName, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sid;
        token.loginAt = Date.now();
        token.live = true;
        return token;
      }
      let result;
      try {
        result = await resolveSession(prisma, token);
      } catch (error) {
        // Database unreachable: keep the cookie (the session may well be live) but grant nothing now.
        console.error("[auth] session check failed", error);
        return { ...token, live: false };
      }
      if (result.verdict === "ended") throw new SessionEndedError();
      // The user, unread count and scope read with the session row ride along, unserialised, to getSessionUser.
      return attachContext({ ...token, live: true }, result.context);
    },
    session({ session, token }) {
      if (!token.live || !token.uid) return { expires: session.expires };
      session.userId = token.uid;
      session.loginAt = token.loginAt;
      return attachContext(session, contextOf(token));
    },
  },
  events: {
    // Signing out ends every session of the user, on every device: a JWT cannot be recalled, so
    // the session rows are ended and lib/auth/session.ts refuses tokens issued before sessionsValidFrom.
    async signOut({ token }) {
      if (!token?.uid) return;
      await endAllSessions(prisma, token.uid, "auth.logout");
    },
  },
};
