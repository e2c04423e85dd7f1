// `npm start` (production server) and `npm run dev` (`--dev`, Next's dev server).
//
//   1. the database: DATABASE_URL if set, else the embedded PGlite database in $DATA_DIR/pglite
//      (default .data/pglite), served on 127.0.0.1 for this run — then DATABASE_URL and
//      DATABASE_POOL_MAX=1 are set for the app, since the embedded database takes one connection at a time;
//   2. migrations (prisma/migrate.ts), then demo data if the database has no organisations yet
//      (by default only on the embedded database; SEED_DEMO_DATA=1|0 to choose);
//   3. NEXTAUTH_SECRET (kept in $DATA_DIR/auth-secret for the embedded database) and NEXTAUTH_URL;
//   4. `next build` if .next/BUILD_ID is missing or older than the sources (`--rebuild` forces it);
//   5. a banner with the URL, the database and the demo accounts, then `next start` (or `next dev`)
//      as a child process. Signals go to the child; when it exits the embedded database is stopped
//      and this process exits with the child's code.
// The steps connect to the database one after another and each disconnects before the next starts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureLoginRole, startEmbeddedDatabase, urlAs, type EmbeddedDatabase } from "../lib/embedded-db";
import { createPrismaClient } from "../lib/prisma";
import { applyMigrations } from "../prisma/migrate";
import { DEMO_PASSWORD, formatAccountTable, loadDemoRound, loadServiceCohort, loadServiceEvaluations, loadServiceHandover, loadServiceAllowances, loadServiceLeave, loadServiceWorklogs, seedDemoData, type DemoAccount } from "../prisma/seed";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** What `next build` reads: a newer file here means the build is stale. */
const BUILD_INPUTS = ["app", "components", "lib", "messages", "public", "i18n", "proxy.ts", "instrumentation.ts", "middleware.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

/** The embedded database's login role for the app (owns nothing; granted by the migration runner). */
const EMBEDDED_APP_ROLE = "secondment_app";

const args = new Set(process.argv.slice(2));
const isDev = args.has("--dev");
const forceRebuild = args.has("--rebuild");
const port = process.env.PORT || "3000";
const host = process.env.HOST || "127.0.0.1";
const appUrl = `http://${["0.0.0.0", "::", "[::]"].includes(host) ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;
const dataRoot = path.resolve(ROOT, process.env.DATA_DIR || ".data");

let embedded: EmbeddedDatabase | undefined;
let child: ChildProcess | undefined;
let exiting = false;

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal); // its exit ends this process (see runChild)
    } else {
      void exit(128 + constants.signals[signal]);
    }
  });
}

async function exit(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await embedded?.stop().catch((error: unknown) => console.error("Stopping the embedded database failed:", error));
    process.exit(code);
  }
  return new Promise<never>(() => {}); // another exit is already under way
}

async function main(): Promise<void> {
  const env = { ...process.env };
  let databaseLabel: string;
  if (env.DATABASE_URL) {
    databaseLabel = `PostgreSQL server ${describeServer(env.DATABASE_URL)}`;
  } else {
    const dataDir = path.join(dataRoot, "pglite");
    console.log(`Starting the embedded database in ${dataDir} …`);
    embedded = await startEmbeddedDatabase({ dataDir, stopOnSignals: false });
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_MAX = "1";
    databaseLabel = `embedded PGlite in ${dataDir} (served on 127.0.0.1:${embedded.port} for this run, one connection at a time; the app as role ${EMBEDDED_APP_ROLE})`;
  }
  const url = env.DATABASE_URL;

  // Least privilege on a server: MIGRATION_DATABASE_URL names the owner, who migrates (and seeds);
  // the app then runs as DATABASE_URL's login role, granted only what it needs after each migration.
  // On the embedded database the owner is its superuser and the app logs in as EMBEDDED_APP_ROLE,
  // created here (lib/embedded-db.ts: how the gate runs that session as the role, and its limit).
  const ownerUrl = embedded ? url : env.MIGRATION_DATABASE_URL || url;
  if (embedded) {
    await ensureLoginRole(ownerUrl, EMBEDDED_APP_ROLE);
    env.DATABASE_URL = urlAs(ownerUrl, EMBEDDED_APP_ROLE);
  }
  const appRole = embedded ? EMBEDDED_APP_ROLE : ownerUrl !== url ? decodeURIComponent(new URL(url).username) : undefined;
  const { applied } = await applyMigrations(ownerUrl, { log: (line) => console.log(`  ${line}`), appRole });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");

  const data = await prepareData(ownerUrl, embedded !== undefined);

  env.NEXTAUTH_SECRET ||= authSecret(embedded !== undefined);
  env.NEXTAUTH_URL ||= appUrl;
  env.NEXT_TELEMETRY_DISABLED ||= "1";

  if (!isDev) {
    const reason = forceRebuild ? "--rebuild" : buildIsStale();
    if (reason) {
      console.log(`Building the app (${reason}) …`);
      // The build gets no database: pages are rendered per request, and the embedded database
      // could not serve the build's parallel workers anyway.
      const { DATABASE_URL: _url, DATABASE_POOL_MAX: _max, ...buildEnv } = env;
      const code = await runChild(["build"], buildEnv);
      if (code !== 0) {
        console.error(`next build failed (exit code ${code}).`);
        await exit(code);
      }
    }
  }

  printBanner(databaseLabel, data);
  const nextArgs = isDev ? ["dev", "-p", port, "-H", host] : ["start", "-p", port, "-H", host];
  await exit(await runChild(nextArgs, env));
}

/** Seeds an empty database (if allowed) and returns what the banner says about the data. */
interface DataSummary {
  note: string;
  accounts: DemoAccount[];
  /** The accounts were created by the seed, with DEMO_PASSWORD. */
  areDemoAccounts: boolean;
}

async function prepareData(url: string, isEmbedded: boolean): Promise<DataSummary> {
  const seedAllowed = process.env.SEED_DEMO_DATA ? process.env.SEED_DEMO_DATA === "1" : isEmbedded;
  const prisma = createPrismaClient(url, { maxConnections: 1 });
  try {
    const organizations = await prisma.organization.count();
    if (organizations === 0 && seedAllowed) {
      console.log("Loading demo data …");
      const { accounts } = await seedDemoData(prisma);
      const round = await loadDemoRound(prisma);
      const cohort = await loadServiceCohort(prisma);
      const leave = await loadServiceLeave(prisma);
      await loadServiceWorklogs(prisma);
      await loadServiceHandover(prisma);
      const evaluations = await loadServiceEvaluations(prisma);
      await loadServiceAllowances(prisma);
      const parts = [
        round ? `the selection round in progress (${round} nominations)` : "",
        cohort ? `a cohort in service (${cohort} dispatches${leave ? `, ${leave} leave requests and attendance checks` : ""})` : "",
        evaluations ? `its annual assessment in progress (${evaluations} score sheets)` : "",
      ].filter(Boolean);
      return { note: parts.length ? `Demo data loaded, with ${parts.join(" and ")}.` : "Demo data loaded.", accounts, areDemoAccounts: true };
    }
    if (organizations === 0) {
      return { note: "The database is empty: load demo data with `npm run db:seed` (or start with SEED_DEMO_DATA=1).", accounts: [], areDemoAccounts: false };
    }
    if (!isEmbedded) return { note: `Existing data: ${organizations} organisation(s).`, accounts: [], areDemoAccounts: false };
    // The embedded database is a local demo: list its accounts again, as on the first start.
    const users = await prisma.user.findMany({
      select: { username: true, role: true, displayName: true, organization: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { username: "asc" }],
      take: 30,
    });
    return {
      note: "Existing data (demo accounts keep the demo password unless it was changed).",
      accounts: users.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName, organization: u.organization.name })),
      areDemoAccounts: true,
    };
  } finally {
    await prisma.$disconnect();
  }
}

/** NEXTAUTH_SECRET when unset: kept in $DATA_DIR/auth-secret for the embedded database, so sessions survive restarts. */
function authSecret(isEmbedded: boolean): string {
  if (!isEmbedded) {
    console.warn("Warning: NEXTAUTH_SECRET is not set. Using a random one for this run: sessions end when the server restarts. Set NEXTAUTH_SECRET in production.");
    return randomBytes(32).toString("base64url");
  }
  const file = path.join(dataRoot, "auth-secret");
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved) return saved;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Why a build is needed, or undefined when .next/BUILD_ID is newer than every build input. */
function buildIsStale(): string | undefined {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const newer = BUILD_INPUTS.map((input) => newestFile(path.join(ROOT, input))).find((file) => file && file.mtimeMs > builtAt);
  return newer ? `${path.relative(ROOT, newer.path)} changed since the last build` : undefined;
}

function newestFile(target: string): { path: string; mtimeMs: number } | undefined {
  if (!existsSync(target)) return undefined;
  const stat = statSync(target);
  if (!stat.isDirectory()) return { path: target, mtimeMs: stat.mtimeMs };
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(target)) {
    if (entry.startsWith(".") || entry === "node_modules") continue;
    const found = newestFile(path.join(target, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Runs `next <args>` with inherited stdio; resolves with its exit code (128 + n when killed by signal n). */
function runChild(nextArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(process.execPath, [NEXT_BIN, ...nextArgs], { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`Could not run next ${nextArgs[0]}:`, error);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      child = undefined;
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** host:port/database with the user, never the password. */
function describeServer(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}${u.password ? ":****" : ""}@` : "";
    return `${user}${u.host || "(socket)"}${u.pathname}`;
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}

function printBanner(databaseLabel: string, data: DataSummary): void {
  const rule = "─".repeat(72);
  const lines = [
    rule,
    `  App        ${appUrl}${isDev ? "   (next dev)" : ""}`,
    `  Database   ${databaseLabel}`,
    `  Data       ${data.note}`,
  ];
  if (data.accounts.length > 0) {
    lines.push("", ...formatAccountTable(data.accounts).split("\n").map((line) => `  ${line}`));
    if (data.areDemoAccounts) lines.push("", `  Password   ${DEMO_PASSWORD}   (every demo account)`);
  }
  lines.push(rule);
  console.log(`\n${lines.join("\n")}\n`);
}

main().catch(async (error: unknown) => {
  if (!exiting) console.error(error instanceof Error ? error.message : error);
  await exit(1);
});
