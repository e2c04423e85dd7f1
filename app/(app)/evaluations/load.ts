import "server-only";

// The evaluation pages' reads: out of scope and missing are the 404 page, a role without the permission the 403 page.
export { orErrorPage } from "@/lib/server/page-guard";
