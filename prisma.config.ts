import { defineConfig } from "prisma/config";

// The URL is read plainly (not with env()) so that `prisma generate` works without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
