// The schemas take numbers as numbers (issue 12: `true` and "1" are not integers), but an
// <input type="number"> or a <select> gives text: the forms turn it into a number before the schema
// (react-hook-form's `setValueAs`, or by hand before calling the action).

/** "12" → 12; "" stays "" (the schema says "required", or means "none"); other text stays as typed (the schema says "not a number"). */
export function numberFromInput(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return "";
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : value;
}

/** For react-hook-form: `register("year", asNumber)`. */
export const asNumber = { setValueAs: numberFromInput } as const;
