// GET /api/orgs/:org/logo – the organisation's logo, for its members only
import { withOrg } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { getOrganizationLogo } from "@/lib/organizations/queries";

export const GET = withOrg(
  async ({ req, tenant }) => {
    const logo = await getOrganizationLogo(tenant);
    if (!logo) throw new AppError("not_found", "No logo");
    // The page links to ?v=<updated time>: such a URL never changes content, so browsers
    // keep it; any other URL is revalidated.
    const versioned = req.nextUrl.searchParams.get("v") === String(logo.updatedAt.getTime());
    return new Response(new Uint8Array(logo.content), {
      headers: {
        "content-type": logo.contentType,
        "content-length": String(logo.content.byteLength),
        "cache-control": versioned ? "private, max-age=31536000, immutable" : "private, no-cache",
        // Served only as the image type detected at upload, never sniffed into anything else.
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'",
      },
    });
  },
  { permission: "org.read" },
);
