import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "./config";

// Message catalogues live in messages/<locale>/<area>.json, one file per area of the product, so
// that areas are added without touching a shared file. Each file holds top-level namespaces.
const cache = new Map<Locale, Record<string, unknown>>();

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const messages: Record<string, unknown> = {};
  for (const file of files) {
    const content = JSON.parse(await readFile(path.join(dir, file), "utf8")) as Record<string, unknown>;
    for (const [namespace, value] of Object.entries(content)) {
      if (namespace in messages) throw new Error(`Message namespace "${namespace}" is defined twice (messages/${locale}/${file})`);
      messages[namespace] = value;
    }
  }
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}
