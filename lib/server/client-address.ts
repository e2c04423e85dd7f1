import "server-only";
import { isIP } from "node:net";

// The client's address as the audit and the attempt limits see it. The server process rewrites
// X-Forwarded-For before Next.js reads the request (lib/http/forwarded-for.ts, installed by
// instrumentation.ts): it is the socket's peer, or — only when that peer is one of TRUSTED_PROXIES —
// the nearest address the proxies forwarded. So the first entry here is the client; anything that
// is not an IP is no address.

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;
}

export function clientAddress(headers: HeaderSource): string | null {
  const first = header(headers, "x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  const address = first.startsWith("::ffff:") && isIP(first.slice(7)) === 4 ? first.slice(7) : first;
  return isIP(address) ? address : null;
}
