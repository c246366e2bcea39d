// GET /api/orgs/:org/invites/:id/qr?format=svg|png – the invite link as a QR code to print
import QRCode from "qrcode";
import { z } from "zod";
import { withOrg } from "@/lib/api";
import { getInviteLinkOrThrow, joinUrl } from "@/lib/invitations/invite-links";

const formatSchema = z.enum(["svg", "png"]).catch("svg");

export const GET = withOrg(
  async ({ req, tenant, params }) => {
    const link = await getInviteLinkOrThrow(tenant, params.id);
    const format = formatSchema.parse(req.nextUrl.searchParams.get("format"));
    const url = joinUrl(link.code);
    // Quartile error correction survives a crease or a coffee stain on a printed sheet.
    const options = { errorCorrectionLevel: "Q" as const, margin: 2 };
    const body = format === "svg" ? await QRCode.toString(url, { ...options, type: "svg" }) : new Uint8Array(await QRCode.toBuffer(url, { ...options, type: "png", width: 1024 }));
    return new Response(body, {
      headers: {
        "content-type": format === "svg" ? "image/svg+xml" : "image/png",
        "content-disposition": `attachment; filename="invite-${link.code}.${format}"`,
        "cache-control": "private, no-store",
      },
    });
  },
  { permission: "invites.write" },
);
