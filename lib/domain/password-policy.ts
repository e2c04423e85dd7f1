// The password rule (等保 level 3): long enough, varied enough, not guessable. Pure, shared by the
// zod schemas (so the form shows the same message the server would) and the use cases.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads at most 72 bytes; anything longer would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_CLASSES = 3;
/** User names shorter than this are not looked for inside the password (every password would contain "a"). */
export const USERNAME_MIN_CHECKED_LENGTH = 3;

/** One catalogue key (users.errors.<key>) per way a password can fail. */
export type PasswordProblem =
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordTooFewClasses"
  | "passwordContainsUsername"
  | "passwordTooCommon"
  | "passwordSameAsCurrent";

export interface PasswordContext {
  /** The account's user name; the password may not contain it. */
  username?: string | null;
  /** The password being replaced; the new one may not equal it. */
  currentPassword?: string | null;
}

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** How many of the four classes (lower case, upper case, digit, anything else) the password uses. */
export function characterClassCount(password: string): number {
  let lower = false, upper = false, digit = false, symbol = false;
  for (const ch of password) {
    if (/[a-z]/.test(ch)) lower = true;
    else if (/[A-Z]/.test(ch)) upper = true;
    else if (/[0-9]/.test(ch)) digit = true;
    else symbol = true;
  }
  return [lower, upper, digit, symbol].filter(Boolean).length;
}

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** Length in characters (code points, so 中文 counts one per character). */
function length(password: string): number {
  return [...password].length;
}

/** Every rule the password breaks, in a stable order; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (length(password) < PASSWORD_MIN_LENGTH) problems.push("passwordTooShort");
  if (new TextEncoder().encode(password).byteLength > PASSWORD_MAX_BYTES) problems.push("passwordTooLong");
  if (characterClassCount(password) < PASSWORD_MIN_CLASSES) problems.push("passwordTooFewClasses");
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= USERNAME_MIN_CHECKED_LENGTH && password.toLowerCase().includes(username)) {
    problems.push("passwordContainsUsername");
  }
  if (isCommonPassword(password)) problems.push("passwordTooCommon");
  if (context.currentPassword && password === context.currentPassword) problems.push("passwordSameAsCurrent");
  return problems;
}

export function isAcceptablePassword(password: string, context: PasswordContext = {}): boolean {
  return passwordProblems(password, context).length === 0;
}
