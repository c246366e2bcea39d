import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "./status-badge";

type Line = { id: string; title: string | null; status: string; kind: string; pinned?: boolean };

// One post in a list: its title (in the reader's language), status and publish time.
export async function PostLine({ org, post, when }: { org: string; post: Line; when: string | null }) {
  const t = await getTranslations("posts");
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="min-w-0">
        <Link href={`/${org}/posts/${post.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
          {post.title || t("untitled")}
        </Link>
        <p className="text-sm text-slate-700">
          {t(`kinds.${post.kind}`)}
          {when ? ` · ${when}` : ""}
          {post.pinned ? ` · ${t("pinned")}` : ""}
        </p>
      </div>
      <StatusBadge kind="post" status={post.status} />
    </li>
  );
}
