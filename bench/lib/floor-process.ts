// The floors of the page benchmarks, each in a process of its own (so it does not share the load
// generator's thread): lib/floor-server.ts (the same rows as JSON from bare pg) and bench/floor (a
// bare Next.js app serving the same rows as HTML from bare pg, no auth, ORM or i18n).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port";

export function startFloorServer(url: string, programId: string): Promise<{ baseUrl: string; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/floor-server.ts", url, programId], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`floor server exited (${code})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") });
    });
  });
}

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const FLOOR_DIR = path.join(process.cwd(), "bench", "floor");

function runNext(args: string[], env: NodeJS.ProcessEnv, quiet: boolean) {
  return spawn(process.execPath, [NEXT_BIN, ...args], { env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
}

/** Whether a source file of bench/floor (its pages, routes, lib) is newer than its build. */
function floorSourcesChanged(): boolean {
  const built = statSync(path.join(FLOOR_DIR, ".next", "BUILD_ID")).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? e.name !== ".next" && e.name !== "node_modules" && newer(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs > built));
  return newer(FLOOR_DIR);
}

/** bench/floor built (once, again when its sources change) and started on a free port. */
export async function startFloor(url: string): Promise<{ baseUrl: string; stop: () => void }> {
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", FLOOR_DATABASE_URL: url };
  if (!existsSync(path.join(FLOOR_DIR, ".next", "BUILD_ID")) || process.argv.includes("--build") || floorSourcesChanged()) {
    console.log("Building the floor (bench/floor) …");
    const code = await new Promise<number | null>((resolve) => runNext(["build", FLOOR_DIR], env, false).on("exit", resolve));
    if (code !== 0) throw new Error(`building bench/floor failed (${code})`);
  }
  const port = await freePort();
  const child = runNext(["start", FLOOR_DIR, "-p", String(port), "-H", "127.0.0.1"], env, true);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${baseUrl}/timeline`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error("the floor did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, stop: () => child.kill("SIGTERM") };
}
