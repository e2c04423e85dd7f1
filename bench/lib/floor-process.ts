// Starts lib/floor-server.ts in a process of its own (so it does not share the load generator's
// thread) and resolves with its address once it listens.
import { spawn } from "node:child_process";

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
