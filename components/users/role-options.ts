import { roles } from "@/lib/schemas/users";

/** Role options for a select, labelled from the "roles" namespace. */
export function roleOptions(label: (role: (typeof roles)[number]) => string) {
  return roles.map((role) => ({ value: role, label: label(role) }));
}
