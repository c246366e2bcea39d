import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema/enums";
import { loadMessages } from "./messages";

type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

// For code outside a request (workers, emails): same messages, no Next.js context needed.
export function getTranslator(locale: Locale, namespace?: string): Translate {
  const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as Translate;
  return (key, values) => t(namespace ? `${namespace}.${key}` : key, values);
}
