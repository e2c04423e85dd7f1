import { z } from "zod";

// Bearer tokens for /api/v1 (issued by an administrator to an account). Shared by the token form
// (zodResolver) and lib/server/api-tokens.ts. Messages are catalogue keys of apiTokens.errors.

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(40, "invalid");

export const issueApiTokenSchema = z.object({
  userId: id,
  name: z.string({ error: "invalid" }).trim().min(1, "nameRequired").max(100, "nameTooLong"),
  // A calendar date (YYYY-MM-DD, the token works through that day, Beijing time); "" = never expires.
  expiresOn: z
    .union([z.literal(""), z.null(), z.iso.date({ error: "invalidDate" })])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ id });
