// Resident identity card numbers (居民身份证号码), GB 11643-1999.
// 18 characters: 6-digit administrative region code of the place of first registration, birth date
// YYYYMMDD, a 3-digit sequence (odd for men, even for women) and a check character computed with
// ISO 7064 MOD 11-2 over the first 17 digits ("X" stands for 10). Pure functions, no I/O.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The check character for the first 17 digits. Throws if `first17` is not exactly 17 digits. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("idNumberCheckDigit expects exactly 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * The birth date encoded in positions 7–14, as a Date at UTC midnight (the convention of @db.Date
 * columns), or null if the number is not 18 characters of the right shape or the date does not exist
 * or lies before 1800. The check character is not verified here: use isValidIdNumber for that.
 */
export function birthDateFromIdNumber(id: string): Date | null {
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2013-02-30 over to March: a real date survives the round trip unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** "MALE" for an odd sequence number (17th digit), "FEMALE" for an even one; null if the shape is wrong. */
export function sexFromIdNumber(id: string): "MALE" | "FEMALE" | null {
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? "MALE" : "FEMALE";
}

/** Upper-cases a trailing "x" and trims blanks, as users type it; does not validate. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * True for an 18-character number with a plausible region code (first digit 1–8: the province codes
 * 11–82), a real birth date not in the future, and the right check character (upper-case "X"; call
 * normalizeIdNumber first to accept a typed "x").
 */
export function isValidIdNumber(id: string, today: Date = new Date()): boolean {
  if (typeof id !== "string" || !/^[1-8]\d{16}[\dX]$/.test(id)) return false;
  const birth = birthDateFromIdNumber(id);
  if (!birth || birth.getTime() > today.getTime()) return false;
  return idNumberCheckDigit(id.slice(0, 17)) === id[17];
}

/** Builds a valid number from its parts (used by the demo data and tests). `sequence` is 0–999. */
export function composeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error("region code must be 6 digits");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error("birth date must be YYYY-MM-DD");
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new Error("sequence must be 0–999");
  const first17 = regionCode + birthDate.replaceAll("-", "") + String(sequence).padStart(3, "0");
  return first17 + idNumberCheckDigit(first17);
}

/** "330602********1234": the region and the last four characters, for those who may not see the whole number. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return "*".repeat(id.length);
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}
