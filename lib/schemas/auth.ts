import { z } from "zod";

// Shared by the login form and the credentials provider. Messages are catalogue keys (auth.*).
export const loginSchema = z.object({
  username: z.string().trim().min(1, "usernameRequired").max(64, "usernameRequired"),
  password: z.string().min(1, "passwordRequired").max(256, "passwordRequired"),
});

export type LoginInput = z.infer<typeof loginSchema>;
