import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** A read for an evaluation page: out of the reader's scope is the 403 page, missing the 404 page. */
export async function orErrorPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") forbidden();
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}
