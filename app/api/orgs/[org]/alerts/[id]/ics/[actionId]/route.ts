// GET /api/orgs/:org/alerts/:id/ics/:actionId – an "attend" call to action as an .ics file.
import { eventIcs } from "@/lib/alerts/ics";
import { alertMessage, alertTitle, getMemberAlert } from "@/lib/alerts/queries";
import { withOrg } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { getOrganizationSettings } from "@/lib/organizations/settings";

export const GET = withOrg(
  async ({ tenant, params }) => {
    const view = await getMemberAlert(tenant, params.id);
    const action = view.actions.find((a) => a.id === params.actionId);
    if (!action || action.config.kind !== "event") throw new AppError("not_found", "Event not found");
    const { name, defaultLocale } = await getOrganizationSettings(tenant);
    const ics = eventIcs({
      uid: `${action.id}@relais`,
      title: alertTitle(view.alert, defaultLocale),
      description: alertMessage(view.alert, defaultLocale),
      place: action.config.place,
      startsAt: new Date(action.config.startsAt),
      endsAt: new Date(action.config.endsAt),
      url: new URL(`/${tenant.orgSlug}/alerts/${view.alert.id}`, env().APP_URL).toString(),
      orgName: name,
    });
    return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="event-${action.id}.ics"` } });
  },
  { permission: "feed.read" },
);
