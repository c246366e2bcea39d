import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { CreateOrganizationForm } from "./create-org-form";

export async function generateMetadata() {
  return { title: (await getTranslations("organizations.create"))("title") };
}

export default async function OnboardingPage() {
  await requireUser();
  const t = await getTranslations("organizations.create");
  return (
    <main id="main" className="mx-auto max-w-md p-4 pt-8">
      <section className="card space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <CreateOrganizationForm />
      </section>
    </main>
  );
}
