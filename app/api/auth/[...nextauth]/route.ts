import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own endpoints (sign-in, sign-out, session). Credentials are checked, audited and
// locked out in lib/server/authentication.ts.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
