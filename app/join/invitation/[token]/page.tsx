import { getTranslations } from "next-intl/server";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { signOutAction } from "@/lib/auth/actions";
import { getSessionUser } from "@/lib/auth/session";
import { getMembershipStatus } from "@/lib/invitations/join";
import { getJoinPageInvitation } from "@/lib/invitations/join-pages";
import { invitationTokenSchema } from "@/lib/invitations/join-schemas";
import { AlreadyMember, JoinIntro, JoinShell, JoinUnavailable, joinLogoSrc } from "../../_components/join-shell";
import { JoinConfirmForm, JoinRequestForm } from "../../_components/join-forms";

export const metadata = { robots: { index: false } };

// Public: the link in an invitation email. The token is the proof; the person still
// confirms their address by magic link unless they are signed in with it.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = invitationTokenSchema.safeParse(token).success ? await getJoinPageInvitation(token) : null;
  if (!page) return <JoinUnavailable reason="not_found" />;
  const { org, invitation } = page;
  const logoSrc = joinLogoSrc(org, `/join/invitation/${token}`);
  const user = await getSessionUser();
  const status = user ? await getMembershipStatus(org.id, user.id) : null;
  if (status === "deactivated") return <JoinUnavailable org={org} logoSrc={logoSrc} reason="deactivated" />;
  if (status && page.state !== "active") return <AlreadyMember org={org} logoSrc={logoSrc} />;
  if (page.state !== "active") return <JoinUnavailable org={org} logoSrc={logoSrc} reason={page.state} />;
  const t = await getTranslations("join");
  const consent = { org: org.name, noticeUrl: (await getPrivacySettings({ orgId: org.id })).privacyNoticeUrl };
  const sameAccount = user?.email.toLowerCase() === invitation.email;
  return (
    <JoinShell org={org} logoSrc={logoSrc}>
      <JoinIntro org={org} role={invitation.role} groups={page.groups} />
      <p className="text-slate-800">{t("invitation.for", { email: invitation.email })}</p>
      {user && sameAccount ? (
        <div className="border-t border-slate-200 pt-4">
          <JoinConfirmForm source={{ token }} consent={consent} label={t("invitation.accept")} />
        </div>
      ) : user ? (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">{t("invitation.wrong_account", { current: user.email })}</p>
          <form action={signOutAction}>
            <button className="btn-secondary w-full">{t("sign_out")}</button>
          </form>
        </div>
      ) : (
        <div className="border-t border-slate-200 pt-4">
          <JoinRequestForm source={{ token }} consent={consent} />
        </div>
      )}
    </JoinShell>
  );
}
