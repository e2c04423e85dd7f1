import { apiRoute, errorResponse } from "@/lib/server/api-route";

// Any other /api/v1 path: a JSON 404, never Next's HTML page. Only authentication is asked (an
// unknown path reveals nothing), so a caller without some permission still learns "no such route".

export const GET = apiRoute<{ rest: string[] }>({ permission: "signedIn" }, async ({ request }) => errorResponse(request, 404, "notFound", "noSuchRoute"));
export const POST = apiRoute<{ rest: string[] }>({ permission: "signedIn" }, async ({ request }) => errorResponse(request, 404, "notFound", "noSuchRoute"));
export const PUT = apiRoute<{ rest: string[] }>({ permission: "signedIn" }, async ({ request }) => errorResponse(request, 404, "notFound", "noSuchRoute"));
export const PATCH = apiRoute<{ rest: string[] }>({ permission: "signedIn" }, async ({ request }) => errorResponse(request, 404, "notFound", "noSuchRoute"));
export const DELETE = apiRoute<{ rest: string[] }>({ permission: "signedIn" }, async ({ request }) => errorResponse(request, 404, "notFound", "noSuchRoute"));
