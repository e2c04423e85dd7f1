import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403 for pages a role may not open.
  // Server actions take up to 3 MB: the doctors' import sends a 2 MB file as base64.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
  // The generated Prisma client and node-postgres run on the server only.
  // pdfkit reads its font metrics from its own folder at run time (the 服务期满评价表 PDF).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pdfkit"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // No camera, microphone, location, payment or USB for any page or frame (issue 12).
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
        ],
      },
      {
        // The icon sprite (components/ui/icon.tsx): its address carries its content hash, so a browser
        // keeps it for a year and asks again only when the icons change.
        source: "/icons.svg",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
      {
        // HSTS only when served over https (behind a TLS-terminating proxy that says so).
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
