import { sql, type SQL } from "drizzle-orm";
import type { Locale } from "@/db/schema/enums";

// Campaigns and key moments have one name (`name`, `title`) and may have an English one
// (`name_en`, `title_en`): English readers see the English one when the lead typed it.
export const nameInLocale = (name: string, nameEn: string | null | undefined, locale: Locale) => (locale === "en" && nameEn ? nameEn : name);

// The same choice in SQL, for the set-based feed queries.
export const nameInLocaleSql = (name: SQL, nameEn: SQL, locale: Locale) => (locale === "en" ? sql`coalesce(nullif(${nameEn}, ''), ${name})` : name);
