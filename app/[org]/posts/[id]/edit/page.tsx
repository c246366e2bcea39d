import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { orNotFound } from "@/app/_components/or-not-found";
import { requirePageTenant } from "@/lib/auth/session";
import { findCampaignChoices } from "@/lib/campaigns/queries";
import { findGroups } from "@/lib/groups/queries";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { isEditable } from "@/lib/posts/lifecycle";
import { getPostDetail } from "@/lib/posts/queries";
import { editorValuesFromPost } from "../../_components/editor-values";
import { PostEditor } from "../../_components/post-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("posts.editor"))("edit_title") };
}

export default async function EditPostPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const tenant = await requirePageTenant(org, "posts.write");
  const detail = await orNotFound(getPostDetail(tenant, id));
  // Only drafts are edited; the post page offers "back to draft".
  if (!isEditable(detail.post.status)) redirect(`/${org}/posts/${id}`);
  const [t, campaigns, groups, { timeZone }] = await Promise.all([getTranslations("posts.editor"), findCampaignChoices(tenant), findGroups(tenant), getOrganizationSettings(tenant)]);
  return (
    <section className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("edit_title")}</h1>
      {detail.sharedLinks && (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {detail.post.linkUrl ? t("live_link_notice", { url: detail.post.linkUrl }) : t("live_link_notice_public")}
        </p>
      )}
      <PostEditor org={org} campaigns={campaigns} groups={groups} timeZone={timeZone} initial={editorValuesFromPost(detail, timeZone)} />
    </section>
  );
}
