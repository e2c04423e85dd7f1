import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** A read for an evaluation page: out of the reader's scope and missing are both the 404 page (issue 12); a role without the permission gets the 403 page. */
export async function orErrorPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") forbidden();
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}
