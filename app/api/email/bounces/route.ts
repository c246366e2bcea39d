// POST /api/email/bounces – the mail system hands over a late bounce (a DSN, raw as
// message/rfc822, or JSON { messageId, status?, reason }); the sent mail it names is recorded
// as failed with the reason. Authenticated by BOUNCE_WEBHOOK_SECRET; 404 while it is unset.
import { publicRoute, apiError } from "@/lib/api";
import { recordLetterBounce } from "@/lib/alerts/deliver-letter";
import { publishAlertStats } from "@/lib/alerts/stats";
import { env } from "@/lib/env";
import { fromOutside } from "@/lib/input";
import { bounceFromJson, bounceJsonSchema, bounceSecretMatches, dsnSchema, parseDsn, recordDeliveryBounce } from "@/lib/notifications/bounces";
import { readBodyWithin } from "@/lib/upload-body";

const MAX_BYTES = 512 * 1024;

export const POST = publicRoute(async (req) => {
  if (!env().BOUNCE_WEBHOOK_SECRET) return apiError("not_found", "Bounce reports are not enabled");
  if (!bounceSecretMatches(req.headers.get("authorization"))) return apiError("unauthorized", "Wrong or missing bounce secret");
  const body = new TextDecoder().decode(await readBodyWithin(req, MAX_BYTES));
  let bounce;
  if ((req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return apiError("bad_request", "The body is not JSON");
    }
    bounce = bounceFromJson(fromOutside(bounceJsonSchema).parse(json));
  } else {
    bounce = parseDsn(dsnSchema.parse(body));
  }
  // Not ours, not a permanent failure, or already recorded: accepted, nothing to do (a mail
  // system retrying the report must not loop).
  if (!bounce) return Response.json({ recorded: false }, { status: 202 });
  const recorded = bounce.rowId.startsWith("alt_") ? await recordLetterBounce(bounce) : await recordDeliveryBounce(bounce);
  if (recorded?.alertId) await publishAlertStats(recorded.orgId, recorded.alertId, { throttle: true });
  return Response.json({ recorded: Boolean(recorded) }, { status: recorded ? 200 : 202 });
});
