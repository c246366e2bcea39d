import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors.pages");
  return (
    <main id="main" className="mx-auto max-w-md p-6 text-center">
      <h1 className="mt-12 text-2xl font-bold">{t("not_found_title")}</h1>
      <p className="mt-2 text-slate-700">{t("not_found_body")}</p>
      <Link href="/" className="btn-primary mt-6">{t("home")}</Link>
    </main>
  );
}
