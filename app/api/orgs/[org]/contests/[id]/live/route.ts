// GET /api/orgs/:org/contests/:id/live – server-sent events when the contest's boards change
import { withOrg } from "@/lib/api";
import { contestTopic } from "@/lib/contests/ledger";
import { getContestOrThrow } from "@/lib/contests/queries";
import { liveStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

export const GET = withOrg(
  async ({ req, tenant, params }) => {
    const contest = await getContestOrThrow(tenant, params.id);
    return liveStream(req, tenant.orgId, [contestTopic(contest.id)]);
  },
  { permission: "feed.read" },
);
