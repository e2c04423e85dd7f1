import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { withClientAddress } from "@/lib/audit-context";
import { prisma } from "@/lib/db";
import { admitSignIn } from "@/lib/server/authentication";
import { clientAddress } from "@/lib/server/client-address";

// next-auth's own endpoints (sign-in, sign-out, session). Credentials are checked, audited and
// locked out in lib/server/authentication.ts. Before a password is checked, the attempt is counted
// against the limits per client address and per account (in PostgreSQL, shared by every instance):
// past them, 429 with Retry-After and a message, and next-auth never runs bcrypt.
const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

const TOO_MANY = "Too many sign-in attempts. Wait before trying again.";

async function usernameOf(request: NextRequest): Promise<unknown> {
  try {
    const form = await request.clone().formData();
    return form.get("username");
  } catch {
    return undefined;
  }
}

// Sign-in, sign-out: their audit rows carry the caller's address (lib/audit-context.ts).
export function POST(request: NextRequest, context: Context) {
  return withClientAddress(clientAddress(request.headers), () => post(request, context));
}

async function post(request: NextRequest, context: Context) {
  const segments = (await context.params).nextauth;
  if (segments[0] === "callback" && segments[1] === "credentials") {
    let admission;
    try {
      admission = await admitSignIn(prisma, { username: await usernameOf(request), ip: clientAddress(request.headers) });
    } catch (error) {
      console.error("[auth] attempt limit unavailable", error);
      const url = new URL("/login?error=ServiceUnavailable", process.env.NEXTAUTH_URL ?? request.url).toString();
      return Response.json({ url, error: { code: "unavailable", message: "Sign-in is unavailable right now." } }, { status: 503, headers: { "Cache-Control": "no-store" } });
    }
    if (!admission.admitted) {
      // next-auth's client reads `url` (with the error code); other clients the status, Retry-After and message.
      const url = new URL("/login?error=TooManyAttempts", process.env.NEXTAUTH_URL ?? request.url).toString();
      return Response.json(
        { url, error: { code: "tooManyRequests", message: TOO_MANY, retryAfterSeconds: admission.retryAfterSeconds } },
        { status: 429, headers: { "Retry-After": String(admission.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET };
