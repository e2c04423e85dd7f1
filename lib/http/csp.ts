// The Content-Security-Policy of every page (issue 12), built per request by proxy.ts with a fresh
// nonce. Next.js reads the nonce from the request's copy of this header and puts it on its own
// scripts (framework, page chunks, inline flight data); with 'strict-dynamic' the scripts those load
// are trusted too, and nothing else runs — no injected <script>, no inline event handler, no eval
// (except in `next dev`, where React needs eval for its error overlay).
//
// Styles: 'unsafe-inline' stays for style-src. The pages set a few style attributes (progress bars,
// the timeline's bars) and Radix's dialogs insert a <style> element for the scroll lock without a
// nonce; inline CSS cannot run code, and a nonce in style-src would make browsers ignore
// 'unsafe-inline'. Everything else loads from this origin only; no frames, no plugins, forms post
// here only.

export interface CspOptions {
  /** `next dev`: React's development build uses eval. */
  dev?: boolean;
  /** Served over https (the proxy said so): ask browsers to upgrade any http sub-resource. */
  https?: boolean;
}

/** 16 random bytes, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: CspOptions = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
