// GET /api/orgs/:org/alerts/:id/go/:actionId – a tracked "sign / open the link": the call to
// action is done on click, then the member lands on the page (with UTM parameters).
import { NextResponse } from "next/server";
import { completeAction } from "@/lib/alerts/complete-action";
import { getMemberAlert } from "@/lib/alerts/queries";
import { withOrg } from "@/lib/api";
import { AppError } from "@/lib/errors";

export const GET = withOrg(
  async ({ tenant, params }) => {
    const view = await getMemberAlert(tenant, params.id);
    const action = view.actions.find((a) => a.id === params.actionId);
    if (!action || action.config.kind !== "link") throw new AppError("not_found", "Link not found");
    if (view.open) await completeAction(tenant, { actionId: action.id, outcome: "clicked", targetId: null });
    const target = new URL(action.config.url);
    if (!target.searchParams.has("utm_source")) {
      target.searchParams.set("utm_source", "relais");
      target.searchParams.set("utm_medium", "action_alert");
    }
    return NextResponse.redirect(target.toString(), 302);
  },
  { permission: "feed.read" },
);
