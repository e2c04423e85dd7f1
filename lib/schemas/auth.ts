import { z } from "zod";
import { text } from "./common";

// Shared by the login form and the credentials provider. Messages are catalogue keys (auth.*).
export const loginSchema = z.object({
  username: text().trim().min(1, "usernameRequired").max(64, "usernameRequired"),
  password: text().min(1, "passwordRequired").max(256, "passwordRequired"),
});

export type LoginInput = z.infer<typeof loginSchema>;
