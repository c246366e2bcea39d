import { z } from "zod";
import { inviteRole } from "@/db/schema/invitations";
import { groupIdsField } from "./invite-link-schemas";

export const MAX_EMAILS_PER_INVITE = 200;

const email = z.string().email();

// "a@x.org, b@x.org\nc@x.org": one address per line, or separated by commas, semicolons or
// spaces (what people paste from a spreadsheet or a mail client).
export function parseEmailList(text: string) {
  const entries = text
    .split(/[\s,;]+/)
    .map((e) => e.trim().replace(/^<|>$/g, ""))
    .filter(Boolean);
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const entry of entries) {
    if (email.safeParse(entry).success) valid.add(entry.toLowerCase());
    else invalid.push(entry);
  }
  return { valid: [...valid], invalid };
}

export const inviteStaffSchema = z.object({
  emails: z
    .string()
    .transform((text) => parseEmailList(text))
    .superRefine((list, ctx) => {
      if (list.invalid.length) ctx.addIssue({ code: "custom", message: "invalid_emails" });
      else if (list.valid.length === 0) ctx.addIssue({ code: "custom", message: "no_emails" });
      else if (list.valid.length > MAX_EMAILS_PER_INVITE) ctx.addIssue({ code: "custom", message: "too_many_emails" });
    })
    .transform((list) => list.valid),
  role: z.enum(inviteRole.enumValues).default("staff"),
  groupIds: groupIdsField,
});
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;
