// Small helpers shared by the demo-data modules.

/** A calendar date for a @db.Date column: "2013-12-31" → 2013-12-31T00:00:00Z. */
export function day(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const d = new Date(`${iso}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new Error(`no such date: ${iso}`);
  return d;
}

/**
 * An instant given as wall-clock time in Asia/Shanghai ("2013-11-11 12:00"), as a UTC Date.
 * China has no daylight saving time since 1991, so the offset is always +08:00.
 */
export function shanghai(local: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(local);
  if (!m) throw new Error(`not a "YYYY-MM-DD HH:mm" time: ${local}`);
  return new Date(`${m[1]}T${m[2]}:00.000+08:00`);
}

/** mulberry32: a tiny deterministic PRNG, so the demo data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
