import { getFormatter, getTranslations } from "next-intl/server";
import { inviteLinkState } from "@/lib/invitations/invite-link-schemas";
import type { InviteLinkRow } from "@/lib/invitations/invite-links";
import { CopyLinkButton } from "./copy-link-button";
import { RevokeInviteLinkButton } from "./revoke-invite-link-button";

const STATE_STYLE = {
  active: "bg-green-100 text-green-900",
  expired: "bg-slate-200 text-slate-900",
  revoked: "bg-red-100 text-red-900",
  used_up: "bg-amber-100 text-amber-900",
} as const;

export async function InviteLinkCard({ org, link, url }: { org: string; link: InviteLinkRow; url: string }) {
  const t = await getTranslations("invites");
  const format = await getFormatter();
  const state = inviteLinkState(link);
  const qr = (format: "svg" | "png") => `/api/orgs/${org}/invites/${link.id}/qr?format=${format}`;
  const title = link.label ?? t("links.untitled");
  return (
    <article className="card space-y-3" aria-label={title}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="break-words font-semibold">{title}</h3>
          <p className="text-sm text-slate-700">
            {t("links.grants", { role: t(`roles.${link.role}`) })}
            {link.groups.length ? ` · ${t("links.granted_groups", { list: format.list(link.groups.map((g) => g.name)) })}` : null}
          </p>
        </div>
        <span className={`rounded-full px-2 py-1 text-xs font-semibold ${STATE_STYLE[state]}`}>{t(`links.state.${state}`)}</span>
      </div>
      <p className="text-sm text-slate-800">
        {link.maxUses === null ? t("links.uses", { count: link.useCount }) : t("links.uses_of_max", { count: link.useCount, max: link.maxUses })}
        {" · "}
        {link.expiresAt ? t("links.expires", { date: format.dateTime(link.expiresAt, { dateStyle: "medium" }) }) : t("links.no_expiry")}
      </p>
      {state === "active" ? (
        <div className="space-y-2">
          <label className="label" htmlFor={`url-${link.id}`}>{t("links.url_label")}</label>
          <input id={`url-${link.id}`} readOnly value={url} className="input font-mono text-sm" />
          <div className="flex flex-wrap gap-2">
            <CopyLinkButton url={url} label={t("links.copy")} done={t("links.copied")} />
            <a href={qr("svg")} download className="btn-secondary">{t("links.qr_svg")}</a>
            <a href={qr("png")} download className="btn-secondary">{t("links.qr_png")}</a>
            {link.revokedAt ? null : <RevokeInviteLinkButton org={org} id={link.id} />}
          </div>
        </div>
      ) : null}
      <details>
        <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-blue-800">{t("links.joiners")}</summary>
        {link.recentJoiners.length === 0 ? (
          <p className="text-sm text-slate-700">{t("links.no_joiners")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {link.recentJoiners.map((j) => (
              <li key={j.email} className="flex flex-wrap justify-between gap-x-2 py-2">
                <span className="font-medium">{j.name ?? j.email}</span>
                <span className="text-slate-700">{t("links.joined_on", { date: format.dateTime(j.joinedAt, { dateStyle: "medium" }) })}</span>
              </li>
            ))}
          </ul>
        )}
      </details>
    </article>
  );
}
