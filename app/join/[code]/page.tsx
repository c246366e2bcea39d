import { getTranslations } from "next-intl/server";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { signOutAction } from "@/lib/auth/actions";
import { getSessionUser } from "@/lib/auth/session";
import { inviteCodeSchema } from "@/lib/invitations/invite-link-schemas";
import { getMembershipStatus } from "@/lib/invitations/join";
import { getJoinPageLink } from "@/lib/invitations/join-pages";
import { AlreadyMember, JoinIntro, JoinShell, JoinUnavailable, joinLogoSrc } from "../_components/join-shell";
import { JoinConfirmForm, JoinRequestForm } from "../_components/join-forms";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const page = inviteCodeSchema.safeParse(code).success ? await getJoinPageLink(code) : null;
  return { title: (await getTranslations("join"))("title", { org: page?.org.name ?? "Relais" }), robots: { index: false } };
}

// Public: anyone holding the link may open it, signed in or not.
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const page = inviteCodeSchema.safeParse(code).success ? await getJoinPageLink(code) : null;
  if (!page) return <JoinUnavailable reason="not_found" />;
  const { org, link } = page;
  const logoSrc = joinLogoSrc(org, `/join/${code}`);
  const user = await getSessionUser();
  const status = user ? await getMembershipStatus(org.id, user.id) : null;
  if (status === "deactivated") return <JoinUnavailable org={org} logoSrc={logoSrc} reason="deactivated" />;
  if (status) return <AlreadyMember org={org} logoSrc={logoSrc} />;
  if (page.state !== "active") return <JoinUnavailable org={org} logoSrc={logoSrc} reason={page.state} />;
  const t = await getTranslations("join");
  const consent = { org: org.name, noticeUrl: (await getPrivacySettings({ orgId: org.id })).privacyNoticeUrl };
  return (
    <JoinShell org={org} logoSrc={logoSrc}>
      <JoinIntro org={org} role={link.role} groups={page.groups} />
      {user ? (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <p className="text-slate-800">{t("signed_in.as", { email: user.email })}</p>
          <JoinConfirmForm source={{ code }} consent={consent} label={t("signed_in.confirm", { org: org.name })} />
          <form action={signOutAction}>
            <button className="btn-secondary w-full">{t("signed_in.not_you")}</button>
          </form>
        </div>
      ) : (
        <div className="border-t border-slate-200 pt-4">
          <JoinRequestForm source={{ code }} consent={consent} />
        </div>
      )}
    </JoinShell>
  );
}
