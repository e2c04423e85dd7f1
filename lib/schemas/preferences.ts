import { z } from "zod";
import { locales } from "../i18n/config";

export const switchLocaleSchema = z.object({ locale: z.enum(locales) });
export type SwitchLocaleInput = z.infer<typeof switchLocaleSchema>;
