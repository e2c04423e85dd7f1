// Password hashing (bcrypt, cost 12). @node-rs/bcrypt is a native (Rust) implementation shipped as
// prebuilt binaries in npm packages; hash and verify run on libuv's thread pool, so a burst of
// sign-ins never stalls the event loop (bcryptjs ran on the main thread). Its $2b$ hashes are the
// same format as bcryptjs's: existing hashes verify unchanged.
import { hash, verify } from "@node-rs/bcrypt";

const COST = 12;

/**
 * A cost-12 hash of a random secret nobody knows. Unknown and locked accounts are checked against
 * it, so that the answer takes as long as for an existing account (timing tells nothing).
 */
export const DUMMY_HASH = "$2b$12$fetsRjZlfFINMfpnUm.MzexwDcN7QKWnDNChscKTQ218noRGexlAO";

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, COST);
}

/** Whether plain matches the hash; a malformed hash is a mismatch, never an exception. */
export async function verifyPassword(plain: string, hashed: string): Promise<boolean> {
  try {
    return await verify(plain, hashed);
  } catch {
    return false;
  }
}

/** Spends the time of one verification against the dummy hash (for unknown and locked accounts). */
export async function spendVerificationTime(plain: string): Promise<void> {
  await verifyPassword(plain, DUMMY_HASH);
}
