// Before/after of an audit row as lines a reader can scan: nested objects are flattened to dotted
// paths ("address.city"), arrays and scalars are shown as JSON, and each line says whether it changed.
export interface DiffLine {
  path: string;
  before?: string;
  after?: string;
  isChanged: boolean;
}

const MAX_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, depth: number, out: Map<string, string>): void {
  if (isPlainObject(value) && depth < MAX_DEPTH && Object.keys(value).length > 0) {
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, depth + 1, out);
    return;
  }
  out.set(prefix, typeof value === "string" ? value : JSON.stringify(value));
}

export function diffJson(before: unknown, after: unknown): DiffLine[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, "", 0, b);
  if (after !== null && after !== undefined) flatten(after, "", 0, a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const hasBoth = b.size > 0 && a.size > 0;
  return paths.map((path) => {
    const x = b.get(path);
    const y = a.get(path);
    // A row with only "after" (a creation, a failed login) has nothing to compare: no highlight.
    return { path, before: x, after: y, isChanged: hasBoth && x !== y };
  });
}
