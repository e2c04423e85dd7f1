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
// The data lives in `dataDir` (created on first start). PGlite must be closed to shut PostgreSQL
// down cleanly, so stop() is called on SIGINT/SIGTERM (see `stopOnSignals`). A lock file next to
// the folder (`<dataDir>.lock`) stops two processes from opening the same data at once.
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

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
    front = createGate(db, inner, path.join(socketDir, ".s.PGSQL"), waitTimeoutMs, log);
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
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => {
      client.destroy();
      void waitForIdle(inner)
        .then(() => resetSession(db))
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

/** Ends whatever the previous client left behind, so the next one starts like a fresh backend. */
async function resetSession(db: PGlite): Promise<void> {
  if (db.closed) return;
  // A Sync ends a half-finished extended-protocol exchange (and an "ignore till Sync" after an error).
  // Raw protocol calls take no lock of their own: hold the one pglite-socket uses.
  await db.runExclusive(() => db.execProtocolRaw(new Uint8Array([0x53, 0, 0, 0, 4])));
  if (db.isInTransaction()) await db.exec("ROLLBACK");
  await db.exec("DISCARD ALL");
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
