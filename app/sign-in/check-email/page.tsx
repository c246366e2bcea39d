import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const t = await getTranslations("auth.check_email");
  return (
    <main id="main" className="mx-auto max-w-md p-4 pt-12">
      <section className="card space-y-3 text-center">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{email ? t("body_with_email", { email }) : t("body")}</p>
        <Link href="/sign-in" className="inline-block text-blue-800 underline">{t("back")}</Link>
      </section>
    </main>
  );
}
