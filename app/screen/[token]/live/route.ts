// GET /screen/:token/live – the big screen's server-sent events (the secret link is the key)
import { notFound } from "next/navigation";
import { publicRoute } from "@/lib/api";
import { getContestByScreenToken } from "@/lib/contests/queries";
import { contestTopic } from "@/lib/contests/ledger";
import { liveStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

export const GET = publicRoute<{ token: string }>(async (req, { token }) => {
  const contest = await getContestByScreenToken(token);
  if (!contest) notFound();
  return liveStream(req, contest.organizationId, [contestTopic(contest.id)]);
});
