import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function ContestNav({ org, id, lead }: { org: string; id: string; lead: boolean }) {
  const t = await getTranslations("contests.nav");
  const base = `/${org}/contests/${id}`;
  const links = [
    { href: base, label: t("board") },
    { href: `${base}/rules`, label: t("rules") },
    { href: `${base}/history`, label: t("history") },
    ...(lead ? [{ href: `${base}/edit`, label: t("edit") }] : []),
  ];
  return (
    <nav aria-label={t("board")} className="flex flex-wrap gap-3 text-sm">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="font-medium text-blue-800 underline">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
