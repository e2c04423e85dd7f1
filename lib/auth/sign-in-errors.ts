// The fixed set of sign-in error codes. next-auth puts the code in the sign-in redirect (?error=…);
// the login form and page show each in words (messages/*/auth.json, auth.errors.*). Nothing else —
// no exception text, no database message — ever reaches the URL.
export const SIGN_IN_ERROR_CODES = ["CredentialsSignin", "TooManyAttempts", "ServiceUnavailable", "SessionRequired"] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

/** The code as shown: an unknown one (a tampered URL) reads as the generic refusal. */
export function signInErrorCode(value: unknown): SignInErrorCode | null {
  if (value === undefined || value === null || value === "") return null;
  return (SIGN_IN_ERROR_CODES as readonly unknown[]).includes(value) ? (value as SignInErrorCode) : "CredentialsSignin";
}
