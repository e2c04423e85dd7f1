import "server-only";

// An application page's reads: out of scope and missing are the 404 page, a role without the permission the 403 page.
export { orErrorPage } from "@/lib/server/page-guard";
