import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";

export type JoinOrg = { name: string; slug: string; logoUrl: string | null; brandColor: string; logoUpdatedAt: Date | null };

// The uploaded logo through the join page's own public route, else the logo address if any.
export function joinLogoSrc(org: JoinOrg, base: string) {
  return org.logoUpdatedAt ? `${base}/logo?v=${org.logoUpdatedAt.getTime()}` : org.logoUrl;
}

// The public pages a person sees before they belong to the organisation: its name and logo
// first, the language switch at hand, one card.
export async function JoinShell({ org, logoSrc, children }: { org?: JoinOrg; logoSrc?: string | null; children: React.ReactNode }) {
  const t = await getTranslations("join");
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 p-4 pt-6">
      <div className="flex items-center justify-between gap-2">
        {org ? (
          <div className="flex min-w-0 items-center gap-3">
            {logoSrc ? (
              <img src={logoSrc} alt="" className="size-12 shrink-0 rounded-lg object-contain" />
            ) : (
              <span aria-hidden="true" className="flex size-12 shrink-0 items-center justify-center rounded-lg text-xl font-black text-white" style={{ backgroundColor: org.brandColor }}>
                {org.name.charAt(0).toUpperCase()}
              </span>
            )}
            <p className="truncate text-lg font-bold">{org.name}</p>
          </div>
        ) : (
          <p className="text-xl font-black tracking-tight text-blue-800">Relais</p>
        )}
        <LocaleSwitcher />
      </div>
      <section className="card space-y-4">{children}</section>
      {org ? <p className="text-center text-xs text-slate-700">{t("powered_by")}</p> : null}
    </main>
  );
}

export async function JoinUnavailable({ org, logoSrc, reason }: { org?: JoinOrg; logoSrc?: string | null; reason: "expired" | "revoked" | "used_up" | "not_found" | "deactivated" | "accepted" }) {
  const t = await getTranslations("join.unavailable");
  return (
    <JoinShell org={org} logoSrc={logoSrc}>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-800">{t(reason)}</p>
      {reason === "deactivated" || reason === "accepted" ? null : <p className="text-slate-700">{t("help")}</p>}
    </JoinShell>
  );
}

export async function AlreadyMember({ org, logoSrc }: { org: JoinOrg; logoSrc?: string | null }) {
  const t = await getTranslations("join.already_member");
  return (
    <JoinShell org={org} logoSrc={logoSrc}>
      <h1 className="text-2xl font-bold">{t("title", { org: org.name })}</h1>
      <Link href={`/${org.slug}`} className="btn-primary w-full">{t("open")}</Link>
    </JoinShell>
  );
}

// Who the person becomes by joining, and what that means for them.
export async function JoinIntro({ org, role, groups }: { org: JoinOrg; role: "staff" | "advocate"; groups: string[] }) {
  const t = await getTranslations("join");
  const format = await getFormatter();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title", { org: org.name })}</h1>
      <p className="text-slate-800">{t("invited_as", { org: org.name, role })}</p>
      {groups.length ? <p className="text-slate-800">{t("groups", { list: format.list(groups) })}</p> : null}
      <p className="text-slate-700">{t("what_it_means")}</p>
    </>
  );
}
