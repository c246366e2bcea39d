// GET /api/orgs/:org/alerts/:id/live – the alert's numbers as server-sent events, fed by
// Redis pub/sub from whichever process changed them.
import { getAlertOrThrow } from "@/lib/alerts/queries";
import { alertStats, alertTopic } from "@/lib/alerts/stats";
import { withOrg } from "@/lib/api";
import { liveStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

export const GET = withOrg(
  async ({ req, tenant, params }) => {
    const alert = await getAlertOrThrow(tenant, params.id);
    return liveStream(req, tenant.orgId, [alertTopic(alert.id)], () => alertStats(tenant, alert.id));
  },
  { permission: "alerts.write" },
);
