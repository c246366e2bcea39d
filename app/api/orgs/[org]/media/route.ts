// POST /api/orgs/:org/media – upload a post's image or video. The body is the file itself
// (Content-Type: its type), read up to the media limit and no further: a route handler rather
// than a server action, whose bodies stay small. Answers 201 { id, kind, url, … }; a refused
// file answers 400 with details.file = ["media_type_mismatch" | …], an oversized body 413.
import { NextResponse } from "next/server";
import { withOrg } from "@/lib/api";
import { fromOutside } from "@/lib/input";
import { claimedTypeSchema } from "@/lib/media/schemas";
import { mediaMaxBytes, uploadMedia } from "@/lib/media/upload-media";
import { readBodyWithin } from "@/lib/upload-body";

export const POST = withOrg(
  async ({ req, tenant }) => {
    const claimedType = fromOutside(claimedTypeSchema).parse(req.headers.get("content-type") ?? "");
    const bytes = await readBodyWithin(req, mediaMaxBytes());
    return NextResponse.json(await uploadMedia(tenant, { bytes, claimedType }), { status: 201 });
  },
  { permission: "posts.write" },
);
