// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) kept in a folder and served
// over the PostgreSQL wire protocol on 127.0.0.1, so that `pg`, Prisma's adapter and the migration
// runner reach it through an ordinary postgresql:// URL — the same code path as a real server.
//
// ONE CONNECTION AT A TIME. PGlite is a single backend session. pglite-socket can multiplex several
// sockets onto it, but their messages interleave in that one session (a transaction, a prepared
// statement or a SET of one client is seen by the others), so we never allow it. Instead:
//   - clients are admitted one at a time, in arrival order. A client that connects while another is
//     connected waits (up to `waitTimeoutMs`, then it gets a proper PostgreSQL error, SQLSTATE 53300);
//     so a pool that closes an idle connection and opens a new one a moment later does not race.
//   - when a client disconnects, its session is reset before the next one is admitted: an open
//     transaction is rolled back (by pglite-socket), then DISCARD ALL drops its SET values, prepared
//     statements, temporary tables and advisory locks, as a new backend would start clean.
// Hence the rules for callers: connect one after another (migration runner, then the seed's Prisma
// client, then the app), `end()`/`$disconnect()` before the next starts, and give the app's pool
// max 1 (DATABASE_POOL_MAX=1, set by scripts/start.ts). Nothing else may connect while the app runs.
//
// LOGIN ROLES. pglite-socket ignores the user a client names, and PGlite's one session is always
// PostgreSQL's bootstrap superuser. The gate reads the user from the client's startup message: a
// role that is not a superuser gets `SET SESSION AUTHORIZATION <role>` before its first statement
// (a missing role, or one without LOGIN, is refused as a server would), so the app's connection
// (scripts/start.ts: `secondment_app`, see ensureLoginRole) holds only that role's privileges —
// no TRUNCATE, UPDATE or DELETE on append-only tables, no DDL, no trigger changes, no
// session_replication_role. THE LIMIT: the session's authenticated user stays the superuser, so a
// client that deliberately sends `SET SESSION AUTHORIZATION postgres` becomes superuser again (the
// gate does exactly that between clients); PGlite has no other user to authenticate as. On the embedded database the role guards
// against the app's mistakes, not against an attacker running SQL of their choosing; on a
// PostgreSQL server (README, "production") the app logs in as the role and cannot switch back.
//
// The data lives in `dataDir` (created on first start). PGlite must be closed to shut PostgreSQL
// down cleanly, so stop() is called on SIGINT/SIGTERM (see `stopOnSignals`). A lock file next to
// the folder (`<dataDir>.lock`) stops two processes from opening the same data at once.
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

export interface EmbeddedDatabaseOptions {
  /** The PGlite data folder (PostgreSQL's PGDATA). Created if missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1. Default: env EMBEDDED_DB_PORT, else a free port chosen by the OS. */
  port?: number;
  /** How long a second connection waits for the first to close before it is refused. Default 30 s. */
  waitTimeoutMs?: number;
  /** Stop the database and exit on SIGINT/SIGTERM. Default true; pass false if the caller coordinates shutdown itself. */
  stopOnSignals?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  /** postgresql:// URL for pg and @prisma/adapter-pg. */
  url: string;
  port: number;
  dataDir: string;
  /** Closes the port, disconnects the client, shuts PGlite down (flushing to disk). Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_WAIT_TIMEOUT_MS = 30_000;
const SLOW_WAIT_NOTICE_MS = 2_000;

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((line: string) => console.error(`[embedded-db] ${line}`));
  const dataDir = path.resolve(options.dataDir);
  const waitTimeoutMs = options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const port = options.port ?? portFromEnv();

  mkdirSync(dataDir, { recursive: true });
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "pglite-"));
  let releaseLock: () => void;
  try {
    releaseLock = acquireLock(`${dataDir}.lock`);
  } catch (error) {
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  let db: PGlite | undefined;
  let inner: PGLiteSocketServer | undefined;
  let front: Gate | undefined;
  const cleanupFiles = () => {
    rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
  };

  try {
    // btree_gist: the exclusion constraint that keeps one doctor's dispatches from overlapping.
    db = await PGlite.create(dataDir, { extensions: { btree_gist } });
    // pglite-socket listens on a private Unix socket; clients only ever reach it through the gate below.
    inner = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL"), maxConnections: 1 });
    await inner.start();
    const superuser = (await db.query<{ who: string }>("SELECT current_user AS who")).rows[0]!.who;
    front = createGate(db, superuser, inner, path.join(socketDir, ".s.PGSQL"), waitTimeoutMs, log);
    await listen(front.server, port);
  } catch (error) {
    await front?.close().catch(() => {});
    await inner?.stop().catch(() => {});
    await db?.close().catch(() => {});
    cleanupFiles();
    throw error;
  }

  const address = front.server.address() as net.AddressInfo;
  const gate = front;
  const database = db;
  const socketServer = inner;
  let stopping: Promise<void> | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the embedded database`);
    void stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  const stopOnSignals = options.stopOnSignals ?? true;
  if (stopOnSignals) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (stopOnSignals) {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      await gate.close();
      await waitForIdle(socketServer);
      await socketServer.stop();
      await database.close();
      cleanupFiles();
    })();
    return stopping;
  }

  return {
    url: `postgresql://postgres@127.0.0.1:${address.port}/postgres`,
    port: address.port,
    dataDir,
    stop,
  };
}

interface Gate {
  server: net.Server;
  /** Stops listening and drops the connected and the waiting clients. */
  close(): Promise<void>;
}

/** The front door: admits one client at a time and pipes it to pglite-socket. */
function createGate(
  db: PGlite,
  superuser: string,
  inner: PGLiteSocketServer,
  innerPath: string,
  waitTimeoutMs: number,
  log: (line: string) => void,
): Gate {
  const waiting: net.Socket[] = [];
  let current: net.Socket | undefined;

  const admitNext = () => {
    if (current) return;
    const client = waiting.shift();
    if (!client) return;
    if (client.destroyed) return admitNext();
    current = client;
    const upstream = net.connect(innerPath);
    upstream.setNoDelay(true);
    client.pipe(startupReader((user) => authorize(db, user), (refusal) => {
      client.end(errorResponse("28000", refusal));
      upstream.destroy();
    })).pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => {
      client.destroy();
      void waitForIdle(inner)
        .then(() => resetSession(db, superuser))
        .catch((error: unknown) => log(`resetting the session failed: ${String(error)}`))
        .finally(() => {
          current = undefined;
          admitNext();
        });
    });
  };

  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.setNoDelay(true);
    client.on("error", () => client.destroy());
    // Hold the client's first bytes (its startup message) in the socket until it is admitted.
    client.pause();
    const slowNotice = setTimeout(() => {
      log(
        `a connection has waited ${SLOW_WAIT_NOTICE_MS / 1000} s for the previous one to close. The embedded database serves one ` +
          `connection at a time: is a second client or pool (another PrismaClient) holding one? Pools need DATABASE_POOL_MAX=1.`,
      );
    }, SLOW_WAIT_NOTICE_MS);
    const refusal = setTimeout(() => {
      const index = waiting.indexOf(client);
      if (index === -1) return;
      waiting.splice(index, 1);
      log(`refused a connection after waiting ${waitTimeoutMs} ms: another client is still connected`);
      client.resume(); // read what it sent, so that closing does not reset the connection before it reads the error
      setTimeout(() => client.destroy(), 1_000).unref();
      client.end(errorResponse("53300", "the embedded database serves one connection at a time and another client is still connected; use a pool of size 1 (DATABASE_POOL_MAX=1)"));
    }, waitTimeoutMs);
    const clearTimers = () => {
      clearTimeout(slowNotice);
      clearTimeout(refusal);
    };
    client.on("close", clearTimers);
    client.once("resume", clearTimers);
    waiting.push(client);
    admitNext();
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      waiting.length = 0;
      for (const client of sockets) client.destroy();
    });
  return { server, close };
}

/**
 * Passes a client's bytes through, holding back its startup message until `onStartup` has run with
 * the user it names (an SSL request before it passes straight on: pglite-socket declines it).
 * `onStartup` answers null to admit, or a refusal in words.
 */
function startupReader(onStartup: (user: string | null) => Promise<string | null>, refuse: (message: string) => void): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (started) return done(null, chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 8) {
        const length = pending.readInt32BE(0);
        if (pending.length < length) return done();
        const code = pending.readInt32BE(4);
        if (code === 80877103 || code === 80877104) {
          // SSLRequest / GSSENCRequest: 8 bytes, answered "N" upstream; the startup message follows.
          this.push(pending.subarray(0, 8));
          pending = pending.subarray(8);
          continue;
        }
        started = true;
        const message = pending;
        pending = Buffer.alloc(0);
        const user = code === 196608 ? startupParameters(message.subarray(8, length)).user ?? null : null;
        onStartup(user).then(
          (refusal) => {
            if (refusal) {
              refuse(refusal);
              return done();
            }
            done(null, message);
          },
          (error: unknown) => {
            refuse(`the embedded database could not start the session: ${String(error)}`);
            done();
          },
        );
        return;
      }
      done();
    },
  });
}

/** The key/value pairs of a StartupMessage's body (after its length and protocol version). */
function startupParameters(body: Buffer): Record<string, string> {
  const parts = body.toString("utf8").split("\0");
  const result: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) result[parts[i]!] = parts[i + 1]!;
  return result;
}

/** The session runs as the named role (see LOGIN ROLES above); null admits, a string refuses. */
async function authorize(db: PGlite, user: string | null): Promise<string | null> {
  if (!user) return null;
  const { rows } = await db.query<{ rolsuper: boolean; rolcanlogin: boolean }>("SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = $1", [user]);
  const role = rows[0];
  if (!role) return `role "${user}" does not exist`;
  if (role.rolsuper) return null;
  if (!role.rolcanlogin) return `role "${user}" is not permitted to log in`;
  await db.exec(`SET SESSION AUTHORIZATION ${quoteIdentifier(user)}`);
  return null;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Creates `role` as a login role that is no superuser and owns nothing, unless it exists; the
 * migration runner then grants it the app's privileges (applyMigrations' appRole). Run as the owner.
 */
export async function ensureLoginRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (!rowCount) await client.query(`CREATE ROLE ${quoteIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
  } finally {
    await client.end();
  }
}

/** The same database as `url`, logged in as `role`. */
export function urlAs(url: string, role: string): string {
  const result = new URL(url);
  result.username = encodeURIComponent(role);
  result.password = "";
  return result.toString();
}

/** Ends whatever the previous client left behind, so the next one starts like a fresh backend. */
async function resetSession(db: PGlite, superuser: string): Promise<void> {
  if (db.closed) return;
  // A Sync ends a half-finished extended-protocol exchange (and an "ignore till Sync" after an error).
  // Raw protocol calls take no lock of their own: hold the one pglite-socket uses.
  await db.runExclusive(() => db.execProtocolRaw(new Uint8Array([0x53, 0, 0, 0, 4])));
  if (db.isInTransaction()) await db.exec("ROLLBACK");
  await db.exec("DISCARD ALL");
  // In PGlite, DISCARD ALL does not end a SET SESSION AUTHORIZATION: back to the superuser by name.
  await db.exec(`SET SESSION AUTHORIZATION ${quoteIdentifier(superuser)}`);
}

/** pglite-socket releases its connection slot a tick after the socket closes; wait for that. */
async function waitForIdle(inner: PGLiteSocketServer, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (inner.getStats().activeConnections > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} on 127.0.0.1 is already in use (EMBEDDED_DB_PORT)`) : error);
    });
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

function portFromEnv(): number {
  const raw = process.env.EMBEDDED_DB_PORT;
  if (!raw) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`EMBEDDED_DB_PORT is not a port number: ${raw}`);
  return port;
}

/** A PostgreSQL ErrorResponse message, understood by every client during connection start-up. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([field("S", "FATAL"), field("V", "FATAL"), field("C", code), field("M", message), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

function field(type: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(type), Buffer.from(value, "utf8"), Buffer.from([0])]);
}

const locksHeldHere = new Set<string>();

/**
 * An exclusive lock file holding our pid. A stale one — its process is gone, or it carries our own
 * pid without us holding it (a container restarted with the same pid) — is taken over.
 */
function acquireLock(lockPath: string): () => void {
  if (locksHeldHere.has(lockPath)) throw new Error(`the embedded database ${lockPath.replace(/\.lock$/, "")} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      locksHeldHere.add(lockPath);
      return () => {
        locksHeldHere.delete(lockPath);
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new Error(`the embedded database ${lockPath.replace(/\.lock$/, "")} is already open in process ${pid} (lock file ${lockPath})`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
