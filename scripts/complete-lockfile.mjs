#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages npm left out of it.
//
// Why: the registry these machines reach lacks some platform builds (e.g. @swc/core-darwin-arm64 at
// the pinned version). `npm install` then writes no lock entry for them, and `npm ci` refuses the
// lock ("Missing: … from lock file"). An entry with the right os/cpu/libc is all npm ci needs to
// skip a package that does not fit this machine, so this script adds exactly those entries.
// Run it after any `npm install` that changes the lock:  node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "linux", "win32", "freebsd", "android", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPU = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", ppc64: "ppc64", s390x: "s390x", riscv64: "riscv64", loong64: "loong64", wasm32: "wasm32" };

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.map((t) => CPU[t]).find(Boolean);
  const libc = tokens.includes("musl") || tokens.includes("musleabihf") ? "musl" : tokens.includes("gnu") || tokens.includes("gnueabihf") ? "glibc" : undefined;
  if (!cpu) return null;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      console.warn(`skip ${dep}: cannot tell its platform from the name`);
      continue;
    }
    const version = spec.replace(/^[\^~=]/, "");
    packages[hoisted] = {
      version,
      optional: true,
      ...(platform.os ? { os: [platform.os] } : {}),
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
