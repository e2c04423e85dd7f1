import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";

// Where a document's bytes live. By default in PostgreSQL (Attachment.content), with the rest of
// the data and its backups. With ATTACHMENT_DIR set, in files under that folder: the row keeps a
// generated key (<yyyy>/<mm>/<random>), never anything from the uploader's file name. A file is
// written to a temporary name, flushed to disk and renamed, so a crash leaves no half-written
// document under a key a row points to.

/** Where the row says the bytes are: exactly one of the two is set. */
export interface StoredBytes {
  content: Uint8Array<ArrayBuffer> | null;
  storageKey: string | null;
}

const KEY_PATTERN = /^\d{4}\/\d{2}\/[a-f0-9]{32}$/;

/** The configured folder, read at each call (so that a test or an operator can set it), or null for PostgreSQL. */
export function attachmentDir(): string | null {
  const dir = process.env.ATTACHMENT_DIR?.trim();
  return dir ? path.resolve(dir) : null;
}

function fileOf(root: string, storageKey: string): string {
  if (!KEY_PATTERN.test(storageKey)) throw new Error(`Refusing an attachment storage key of unexpected shape: ${JSON.stringify(storageKey)}`);
  return path.join(root, ...storageKey.split("/"));
}

/** Makes the rename itself durable. Some platforms and file systems cannot sync a directory: then the file's own sync has to do. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR/EINVAL/EPERM: nothing more can be done here.
  }
}

/** Keeps the bytes: returns what the Attachment row must hold to find them again. */
export async function storeBytes(bytes: Uint8Array, now = new Date()): Promise<StoredBytes> {
  const root = attachmentDir();
  if (!root) return { content: Uint8Array.from(bytes), storageKey: null };
  const yyyy = String(now.getUTCFullYear()).padStart(4, "0");
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  const storageKey = `${yyyy}/${mm}/${randomBytes(16).toString("hex")}`;
  const target = fileOf(root, storageKey);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true, mode: 0o750 });
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temporary, "wx", 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporary, target);
  await syncDirectory(folder);
  return { content: null, storageKey };
}

/** The bytes of a stored document. */
export async function readBytes(stored: StoredBytes): Promise<Uint8Array<ArrayBuffer>> {
  if (stored.content) return stored.content;
  if (!stored.storageKey) throw new Error("The attachment has neither content nor a storage key.");
  const root = attachmentDir();
  if (!root) throw new Error("This attachment is stored on disk, but ATTACHMENT_DIR is not set.");
  return new Uint8Array(await readFile(fileOf(root, stored.storageKey)));
}

/** Removes a file written for an upload whose transaction then failed (nothing to do for PostgreSQL). */
export async function discardBytes(stored: StoredBytes): Promise<void> {
  const root = attachmentDir();
  if (!stored.storageKey || !root) return;
  await unlink(fileOf(root, stored.storageKey)).catch(() => undefined);
}
