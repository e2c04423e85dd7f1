import type { NextConfig } from "next";

// The benchmark's floor (bench/README.md): a bare Next.js app with no auth, ORM or i18n.
const config: NextConfig = { poweredByHeader: false };
export default config;
