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
  return (
    <article className="card flex h-full flex-col gap-2">
      <div className="min-w-0">
        <Heading className="truncate text-base font-semibold">
          <Link href={`/${org}/members/${member.id}`} className="text-blue-800 underline-offset-2 hover:underline">
            {member.name || member.email}
          </Link>
        </Heading>
        <p className="truncate text-sm text-slate-700">{member.email}</p>
      </div>
      <p className="flex flex-wrap gap-1 text-xs font-semibold">
        <span className="rounded-full bg-blue-100 px-2 py-1 text-blue-900">{tRoles(member.role)}</span>
        <span className={`rounded-full px-2 py-1 ${STATUS_STYLE[member.status]}`}>{t(`status.${member.status}`)}</span>
      </p>
      <p className="text-sm text-slate-700">
        <span className="sr-only">{t("groups_label")}: </span>
        {member.groups.length ? member.groups.map((g) => g.name).join(" · ") : t("no_groups")}
      </p>
      <p className="mt-auto text-xs text-slate-700">{t("joined", { date: format.dateTime(member.joinedAt, { dateStyle: "medium" }) })}</p>
      {children}
    </article>
  );
}
