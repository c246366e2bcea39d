import { encodeCursor } from "@/lib/feed/schemas";
import { createFeedPost } from "@/tests/integration/feed/fixtures";
import type { CrossOrgActionCase } from "../types";

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/feed/actions.ts#loadFeedPageAction",
    async input({ foreign }) {
      const post = await createFeedPost(foreign.org);
      const at = new Date().toISOString();
      return { org: foreign.org.slug, cursor: encodeCursor({ rank: 0, publishedAt: at, id: `${post.id}z`, at }) };
    },
  },
];
