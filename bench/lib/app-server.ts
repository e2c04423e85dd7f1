// The built app (`next start`) on a free loopback port against the benchmark's database, as
// scripts/start.ts runs it in production; `next build` first when there is no build (or --build).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface RunningApp {
  baseUrl: string;
  stop: () => Promise<void>;
}


function run(args: string[], env: NodeJS.ProcessEnv, quiet: boolean, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, NEXT_BIN, ...args], { env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
}

/** Builds the app unless a build is there (`rebuild` forces it). Returns when the build is. */
export async function ensureBuild(root: string, rebuild: boolean): Promise<string> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (existsSync(buildId) && !rebuild) return `existing build of ${statSync(buildId).mtime.toISOString()} (--build to rebuild)`;
  console.log("Building the app (next build) …");
  const { DATABASE_URL: _url, ...env } = process.env; // the build gets no database, as in scripts/start.ts
  const child = run(["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" }, false);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  return "fresh build";
}

/** `onOutput`: every chunk the server prints (the profile reads its PRISMA_LOG_QUERIES lines); `nodeArgs`: Node's own flags (bench:cpu's --cpu-prof). */
export async function startApp(databaseUrl: string, poolMax: number, onOutput?: (text: string) => void, nodeArgs: string[] = []): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(poolMax),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    SMTP_URL: "",
  };
  const child = run(["start", "-p", String(port), "-H", "127.0.0.1"], env, true, nodeArgs);
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
    onOutput?.(c.toString());
  });
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false);
    if (ok) return { baseUrl, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
