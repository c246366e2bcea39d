import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MemberRow } from "@/lib/members/queries";

const STATUS_STYLE = {
  active: "bg-green-100 text-green-900",
  invited: "bg-amber-100 text-amber-900",
  deactivated: "bg-slate-200 text-slate-900",
} as const;

// One member as a card: a phone shows a column of these, a wide screen a grid.
export async function MemberCard({ org, member, headingLevel = 2, children }: { org: string; member: MemberRow; headingLevel?: 2 | 3; children?: React.ReactNode }) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const [t, tRoles, format] = await Promise.all([getTranslations("members"), getTranslations("nav.roles"), getFormatter()]);
  // The name's link covers the whole card (a bigger target on a phone); actions passed as
  // children sit above it.
  return (
    <article className="card relative flex h-full flex-col gap-1 p-3 hover:border-blue-400">
      <Heading className="truncate text-base font-semibold">
        <Link href={`/${org}/members/${member.id}`} className="text-blue-800 after:absolute after:inset-0 after:rounded-xl after:content-['']">
          {member.name || member.email}
        </Link>
      </Heading>
      <p className="truncate text-sm text-slate-700">{member.email}</p>
      <p className="flex flex-wrap items-center gap-1 text-sm text-slate-700">
        <span className="rounded-full bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900">{tRoles(member.role)}</span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[member.status]}`}>{t(`status.${member.status}`)}</span>
        <span className="min-w-0">
          <span className="sr-only">{t("groups_label")}: </span>
          {member.groups.length ? member.groups.map((g) => g.name).join(" · ") : t("no_groups")}
        </span>
      </p>
      <p className="mt-auto text-xs text-slate-700">{t("joined", { date: format.dateTime(member.joinedAt, { dateStyle: "medium" }) })}</p>
      {children ? <div className="relative z-10 mt-2">{children}</div> : null}
    </article>
  );
}
