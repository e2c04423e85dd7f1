// X-Forwarded-For and its siblings are believed only from the proxies in TRUSTED_PROXIES (issue 12):
// anyone can send the headers, so from any other peer they would let a caller write any address into
// the audit, or spread its guesses over invented addresses past the attempt limits. The Node server
// rewrites each request's headers before Next.js reads them (installForwardedHeadersHook, installed
// by instrumentation.ts): X-Forwarded-For becomes the one client address — the socket's peer, or,
// when that peer is a trusted proxy, the nearest address the trusted proxies forwarded; the
// X-Forwarded-Host/-Proto of an untrusted peer are dropped (Next.js then derives them itself).
import { BlockList, isIP } from "node:net";
import type { IncomingMessage, Server } from "node:http";

/** IPv4 in IPv6 (::ffff:10.0.0.1, as Node reports IPv4 peers on a dual-stack socket) → 10.0.0.1. */
export function plainAddress(value: string | undefined | null): string | null {
  const trimmed = (value ?? "").trim();
  const address = trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(address) ? address : null;
}

export interface TrustedProxies {
  has(address: string): boolean;
  /** The entries that were not an address or a CIDR block (ignored). */
  invalid: string[];
}

/** `TRUSTED_PROXIES`: comma-separated addresses and CIDR blocks (10.0.0.1, 10.0.0.0/8, ::1, fd00::/8). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const invalid: string[] = [];
  let any = false;
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [base = "", bits, ...rest] = entry.split("/");
    const address = plainAddress(base);
    const family = address ? (isIP(address) === 4 ? "ipv4" : "ipv6") : null;
    const prefix = bits === undefined ? null : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!address || !family || rest.length || Number.isNaN(prefix) || (prefix !== null && prefix > (family === "ipv4" ? 32 : 128))) {
      invalid.push(entry);
      continue;
    }
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
    any = true;
  }
  return {
    invalid,
    has: (address) => {
      const plain = plainAddress(address);
      return any && plain !== null && list.check(plain, isIP(plain) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy — then the forwarded
 * chain is read from the right, past trusted proxies, to the first address no trusted proxy is; an
 * entry that is not an address ends the walk at the proxy that forwarded it.
 */
export function clientOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string | null {
  let client = plainAddress(peer);
  if (!client || !trusted.has(client)) return client;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = plainAddress(chain[i]);
    if (!hop) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

/** Rewrites one request's forwarding headers (see the top of this file). */
export function normaliseForwardedHeaders(request: Pick<IncomingMessage, "headers" | "socket">, trusted: TrustedProxies): void {
  const peer = request.socket?.remoteAddress;
  const client = clientOf(peer, request.headers["x-forwarded-for"], trusted);
  if (client) request.headers["x-forwarded-for"] = client;
  else delete request.headers["x-forwarded-for"];
  if (!trusted.has(peer ?? "")) {
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
    delete request.headers["x-forwarded-port"];
  }
}

const INSTALLED = Symbol.for("secondment.forwardedHeadersHook");

/**
 * Every `request` event of every http.Server of this process (Next's own included) first passes
 * through normaliseForwardedHeaders. Installed once per process; TRUSTED_PROXIES is read then.
 */
export function installForwardedHeadersHook(serverClass: typeof Server, trusted: TrustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES)): void {
  const proto = serverClass.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  if (trusted.invalid.length) console.warn(`[security] TRUSTED_PROXIES: ignored ${trusted.invalid.map((e) => JSON.stringify(e)).join(", ")} (neither an address nor a CIDR block).`);
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && args[0]) normaliseForwardedHeaders(args[0] as IncomingMessage, trusted);
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
