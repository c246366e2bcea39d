import Link from "next/link";
import { UserMenu } from "@/app/_components/user-menu";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { NAV_ITEMS } from "@/app/_components/nav-items";
import { OrgSwitcher } from "@/app/_components/org-switcher";
import { can } from "@/lib/auth/permissions";
import { findMembershipsOfUser } from "@/lib/auth/queries";
import { getSessionUser, requirePageTenant } from "@/lib/auth/session";
import { brandPalette } from "@/lib/organizations/brand";
import { getOrganizationProfile } from "@/lib/organizations/queries";
import { countUnreadNotifications } from "@/lib/notifications/queries";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "org.read");
  const [orgs, user, profile] = await Promise.all([findMembershipsOfUser(tenant.userId!), getSessionUser(), getOrganizationProfile(tenant)]);
  const palette = brandPalette(profile.brandColor);
  const current = orgs.find((o) => o.slug === org)!;
  const t = await getTranslations("nav");
  const items = NAV_ITEMS.filter((item) => can(tenant.role, item.permission));
  const unread = await countUnreadNotifications(tenant);
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-10 border-b border-t-4 border-b-slate-200 bg-white" style={{ borderTopColor: palette.brand }}>
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-3 py-2">
          <div className="min-w-0 flex-1">
            <OrgSwitcher current={current} orgs={orgs} brand={{ logoSrc: profile.logoSrc, brand: palette.brand, onBrand: palette.onBrand }} />
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <LocaleSwitcher />
            <Link href={`/${org}/notifications`} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-slate-800 hover:bg-slate-100">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              <span className="sr-only">{unread ? t("notifications_unread", { count: unread }) : t("notifications")}</span>
              {unread > 0 && (
                <span aria-hidden="true" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white">
                  {unread > 99 ? "99+" : unread}
                </span>
              )}
            </Link>
            <UserMenu name={user?.name ?? user?.email ?? ""} />
          </div>
        </div>
        <nav aria-label={t("label")} className="mx-auto max-w-5xl overflow-x-auto px-2">
          <ul className="flex gap-1">
            {items.map((item) => (
              <li key={item.key}>
                <Link href={`/${org}${item.href}`} className="inline-flex min-h-11 items-center whitespace-nowrap rounded-t-lg px-3 text-sm font-medium text-slate-800 hover:bg-slate-100">
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-5xl p-3 sm:p-6">{children}</main>
    </div>
  );
}
