// Next.js 16's proxy (formerly middleware): runs before every page request and server action.
//   - A per-request nonce and the Content-Security-Policy built from it (lib/http/csp.ts): set on the
//     request, where Next.js reads the nonce for its own scripts, and on the response for the browser.
//   - A server action posted from another site's page is refused with 403 here. Next.js refuses it
//     too, but answers 500 (an error thrown in its action handler); this is a plain refusal.
// API routes (/api) answer JSON only and check their callers themselves (lib/server/api-route.ts).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./lib/http/csp";
import { originVerdict } from "./lib/http/same-origin";

export function proxy(request: NextRequest) {
  // Pages take no POST but server actions (by fetch with Next-Action, or a form's multipart post).
  if (request.method === "POST" && originVerdict(request.headers) === "foreign") {
    return new NextResponse("403 Forbidden: a server action from another site's page is refused. 来自其他网站页面的请求已被拒绝。", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: request.headers.get("x-forwarded-proto") === "https" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Pages and server actions (prefetches included: a header a cross-site page cannot set must not
    // let a POST skip the origin check); not the API, Next's static files, the icon or the icon sprite.
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|icons.svg).*)",
  ],
};
