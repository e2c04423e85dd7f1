import { AsyncLocalStorage } from "node:async_hooks";

// The client address of the request being served, for the audit rows it writes. Every entry point
// (the server-action client, apiRoute, the sign-in route) runs its work inside `withClientAddress`,
// so every audit row carries the address without each of the use cases passing it along. The store
// lives for one request only (AsyncLocalStorage follows the request's async calls): nothing is kept
// between requests. Outside a request (the seed, a script) there is no address.
const store = new AsyncLocalStorage<{ ip: string | null }>();

export function withClientAddress<T>(ip: string | null, fn: () => T): T {
  return store.run({ ip }, fn);
}

/** The address of the request being served, or null outside one. */
export function currentClientAddress(): string | null {
  return store.getStore()?.ip ?? null;
}
