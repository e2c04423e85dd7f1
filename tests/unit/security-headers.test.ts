import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

// Security headers (issue 12): every answer carries a Permissions-Policy; HSTS only over https.
describe("security headers", () => {
  it("sends a Permissions-Policy everywhere and HSTS only when the proxy says https", async () => {
    const rules = await nextConfig.headers!();
    const everywhere = rules.find((r) => r.source === "/:path*" && !r.has);
    expect(everywhere?.headers).toEqual(expect.arrayContaining([expect.objectContaining({ key: "Permissions-Policy", value: expect.stringContaining("camera=()") })]));
    expect(everywhere?.headers.map((h) => h.key)).not.toContain("Strict-Transport-Security");
    const https = rules.find((r) => r.has?.some((h) => h.type === "header" && h.key === "x-forwarded-proto" && h.value === "https"));
    expect(https?.headers).toEqual([{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]);
  });
});
