// Sends today's digest of the to-do inbox (lib/server/digest.ts) to every user not yet sent one,
// once, whatever else runs it at the same moment (each app instance's scheduler, another script):
//
//   DATABASE_URL=postgres://… npm run digest
//
// The e-mail copies go out with the app's mailer (SMTP_URL, MAIL_FROM), which sends notification rows.
import { runDailyDigest } from "../lib/server/digest";
import { createPrismaClient } from "../lib/prisma";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: it must name the app's database.");
  process.exit(1);
}
const prisma = createPrismaClient(url, { maxConnections: 2 });
try {
  const result = await runDailyDigest(prisma);
  console.log(`Digest of ${result.day} (Beijing): ${result.sent} sent, ${result.empty} with nothing waiting, ${result.skipped} already sent.`);
} finally {
  await prisma.$disconnect();
}
