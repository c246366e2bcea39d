import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { getTranslations } from "next-intl/server";
import { requirePageTenant } from "@/lib/auth/session";
import { findGroups } from "@/lib/groups/queries";
import { findInvitations } from "@/lib/invitations/email-invitations";
import { findInviteLinks, joinUrl } from "@/lib/invitations/invite-links";
import { CreateInviteLinkForm } from "./create-invite-link-form";
import { InvitationList } from "./invitation-list";
import { InviteLinkCard } from "./invite-link-card";
import { InviteStaffForm } from "./invite-staff-form";

export async function generateMetadata() {
  return { title: (await getTranslations("invites"))("title") };
}

export default async function InvitesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const tenant = await requirePageTenant(org, "invites.write");
  const [links, groups, invitations] = await Promise.all([findInviteLinks(tenant), findGroups(tenant), findInvitations(tenant)]);
  const t = await getTranslations("invites");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <Link href={`/${org}/members/import`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">
          {t("import_link")}
        </Link>
      </div>

      <section aria-labelledby="links-title" className="space-y-3">
        <h2 id="links-title" className="text-xl font-bold">{t("links.title")}</h2>
        <div className="card space-y-3">
          <h3 className="font-semibold">{t("links.create_title")}</h3>
          <CreateInviteLinkForm org={org} groups={groups} />
        </div>
        {links.length === 0 ? (
          <p className="text-slate-700">{t("links.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {links.map((link) => (
              <li key={link.id}>
                <InviteLinkCard org={org} link={link} url={joinUrl(link.code)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="staff-title" className="space-y-3">
        <h2 id="staff-title" className="text-xl font-bold">{t("staff.title")}</h2>
        <div className="card">
          <InviteStaffForm org={org} groups={groups} />
        </div>
        <InvitationList invitations={invitations} org={org} canManage={can(tenant.role, "invitations.manage")} />
      </section>
    </div>
  );
}
