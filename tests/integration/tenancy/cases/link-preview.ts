import type { CrossOrgActionCase } from "../types";

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/link-preview/actions.ts#fetchLinkPreviewAction",
    // Refused at the door, before any request leaves the server.
    input: async ({ foreign }) => ({ org: foreign.org.slug, url: "https://example.com/" }),
  },
];
