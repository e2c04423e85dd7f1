// Money in integer fen (分), end to end: columns, rules, API and exports carry whole fen. Yuan appear
// only at the edges — `parseYuan` reads what a person typed (once, as text, never through a float)
// and `formatYuan` writes what a person reads. Pure: no I/O.

/** The largest amount of one allowance item or line: 1 000 000 yuan. Anything above is a typing error. */
export const MAX_AMOUNT_FEN = 100_000_000;

/** Whether `fen` is a whole number of fen within ±MAX_AMOUNT_FEN (`allowZero`, `allowNegative` for adjustments). */
export function isFen(fen: unknown, { allowNegative = false, allowZero = false } = {}): fen is number {
  if (typeof fen !== "number" || !Number.isSafeInteger(fen)) return false;
  if (Math.abs(fen) > MAX_AMOUNT_FEN) return false;
  if (fen === 0) return allowZero;
  return fen > 0 || allowNegative;
}

/**
 * Yuan as a person types them ("10000", "10 000", "10,000.5", "¥1 500.00", "-200") → whole fen, or
 * null when it is not an amount with at most two decimals. Read digit by digit, never through a float.
 */
export function parseYuan(text: string): number | null {
  const cleaned = text.trim().replace(/^[¥￥]\s*/, "").replace(/[\s,，]/g, "").replace(/元$/, "");
  const match = /^([+-]?)(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, decimals = ""] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  return sign === "-" ? -fen : fen;
}

/** Whole fen → yuan with two decimals and thousands separators: 1050000 → "10,500.00", -33 → "-0.33". */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100).toString().padStart(2, "0");
  return `${fen < 0 ? "-" : ""}${whole}.${cents}`;
}

/** Whole fen → yuan with two decimals and no separators (for a form field): 1050000 → "10500.00". */
export function yuanInputValue(fen: number): string {
  return formatYuan(fen).replace(/,/g, "");
}

/**
 * `amountFen × part / whole`, rounded half up to the fen, in integer arithmetic: a month's rate
 * pro-rated by the days served over the days of the month. floor((2·a·p + w) / (2·w)) is the nearest
 * fen, halves going up; `amountFen` is at most MAX_AMOUNT_FEN and part ≤ whole ≤ 366, so every
 * intermediate stays far below 2^53.
 */
export function prorateFen(amountFen: number, part: number, whole: number): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0 || Math.abs(amountFen) > MAX_AMOUNT_FEN) throw new RangeError(`bad amount: ${amountFen}`);
  if (!Number.isInteger(part) || !Number.isInteger(whole) || whole <= 0 || part < 0 || part > whole) throw new RangeError(`bad fraction ${part}/${whole}`);
  if (part === whole) return amountFen;
  return Math.floor((2 * amountFen * part + whole) / (2 * whole));
}

/** The exact sum of whole fen (a total is the sum of its lines, nothing else). */
export function sumFen(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a whole number of fen: ${v}`);
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError("total out of range");
  return total;
}
