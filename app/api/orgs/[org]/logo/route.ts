// GET /api/orgs/:org/logo – the organisation's logo, for its members only
// POST /api/orgs/:org/logo – replace it. The body is the image itself, read up to 1 MB and no
// further (413 beyond): a route handler rather than a server action, whose bodies stay small.
// Answers 204; a file that is not a PNG, JPEG, WebP or GIF answers 400 with details.logo.
import { revalidatePath } from "next/cache";
import { withOrg } from "@/lib/api";
import { AppError, fieldError } from "@/lib/errors";
import { readLogo } from "@/lib/organizations/logo";
import { getOrganizationLogo, saveOrganizationLogo } from "@/lib/organizations/queries";
import { LOGO_MAX_BYTES } from "@/lib/organizations/schemas";
import { readBodyWithin } from "@/lib/upload-body";

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

export const POST = withOrg(
  async ({ req, tenant }) => {
    const bytes = await readBodyWithin(req, LOGO_MAX_BYTES);
    if (bytes.byteLength === 0) fieldError("logo", "logo_required");
    await saveOrganizationLogo(tenant, await readLogo(bytes));
    // The header and lists of the workspace show the new logo on the next visit.
    revalidatePath(`/${tenant.orgSlug}`, "layout");
    return new Response(null, { status: 204 });
  },
  { permission: "org.settings" },
);
