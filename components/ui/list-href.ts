/** A list's search params as the URL carries them (absent = not set). */
export type ListParams = Record<string, string | undefined>;

/** `?…` for the list with `overrides` applied; empty values are left out. */
export function listHref(params: ListParams, overrides: ListParams = {}): string {
  const search = new URLSearchParams(Object.entries({ ...params, ...overrides }).filter((e): e is [string, string] => !!e[1]));
  return `?${search.toString()}`;
}
