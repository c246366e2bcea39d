import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { resolveRequestLocale } from "./resolve-locale";

export default getRequestConfig(async ({ locale: requested }) => {
  const locale = requested === "fr" || requested === "en" ? requested : await resolveRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: "America/Toronto" };
});
