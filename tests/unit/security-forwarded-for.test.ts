// X-Forwarded-For trusted only from TRUSTED_PROXIES (issue 12): the audit's address cannot be forged.
import { createServer, request as httpRequest, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientOf, installForwardedHeadersHook, parseTrustedProxies } from "@/lib/http/forwarded-for";
import { clientAddress } from "@/lib/server/client-address";

describe("the client's address", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.10 ,fd00::/8, not-an-ip, 10.0.0.0/33");

  it("reads addresses and CIDR blocks, and names what it ignored", () => {
    expect(proxies.invalid).toEqual(["not-an-ip", "10.0.0.0/33"]);
    expect(proxies.has("10.1.2.3")).toBe(true);
    expect(proxies.has("::ffff:10.1.2.3")).toBe(true);
    expect(proxies.has("192.0.2.10")).toBe(true);
    expect(proxies.has("192.0.2.11")).toBe(false);
    expect(proxies.has("fd12::1")).toBe(true);
    expect(none.has("127.0.0.1")).toBe(false);
  });

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientOf("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientOf("::ffff:127.0.0.1", "198.51.100.1, 10.0.0.1", none)).toBe("127.0.0.1");
    expect(clientOf("203.0.113.5", "198.51.100.1", proxies)).toBe("203.0.113.5");
  });

  it("behind trusted proxies, is the nearest address that no trusted proxy is", () => {
    // The client put a forged address first; the proxies appended the real one.
    expect(clientOf("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.9", proxies)).toBe("203.0.113.7");
    expect(clientOf("10.0.0.2", ["6.6.6.6", "203.0.113.7"], proxies)).toBe("203.0.113.7");
    expect(clientOf("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(clientOf("10.0.0.2", "10.0.0.3", proxies)).toBe("10.0.0.3");
    expect(clientOf("10.0.0.2", "203.0.113.7, garbage", proxies)).toBe("10.0.0.2");
  });
});

describe("the server's hook (as instrumentation.ts installs it in Next's process)", () => {
  let server: Server;
  let port = 0;
  const seen: Record<string, string | string[] | undefined>[] = [];

  beforeAll(async () => {
    installForwardedHeadersHook(Server, parseTrustedProxies(undefined));
    server = createServer((req, res) => {
      seen.push({ ...req.headers, client: clientAddress(req.headers) ?? "none" });
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (headers: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
      req.end();
    });

  it("replaces a forged X-Forwarded-For with the peer, and drops the peer's X-Forwarded-Host/-Proto", async () => {
    await get({ "x-forwarded-for": "203.0.113.66", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    await get({});
    expect(seen[0]).toMatchObject({ "x-forwarded-for": "127.0.0.1", client: "127.0.0.1" });
    expect(seen[0]!["x-forwarded-host"]).toBeUndefined();
    expect(seen[0]!["x-forwarded-proto"]).toBeUndefined();
    expect(seen[1]).toMatchObject({ "x-forwarded-for": "127.0.0.1", client: "127.0.0.1" });
  });
});
