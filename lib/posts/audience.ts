import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Role } from "@/db/schema/enums";
import { can, ROLES } from "@/lib/auth/permissions";

const EDITORS = ROLES.filter((r) => can(r, "posts.write"));

type PostSide = { id: SQLWrapper | string; advocatesCanSee: SQLWrapper | boolean };
type MemberSide = { id: SQLWrapper | string; role: SQLWrapper | Role };

// The audience rule, for the feed (one member, many posts) and for publishing's notices (one
// post, many members). Whoever may edit posts sees every one of them; staff and advocates see
// a post with audience groups only through one of their groups, and advocates only what is
// open to advocates.
export function postAudienceIncludes(post: PostSide, member: MemberSide): SQL {
  // A scalar subquery, probed per post through the primary key: an EXISTS here would let the
  // planner hash the whole post_audience_groups table, every organisation's, per query.
  const inGroups = sql`coalesce((select bool_or(g.membership_id is not null) from post_audience_groups a
    left join group_members g on g.group_id = a.group_id and g.membership_id = ${member.id}
    where a.post_id = ${post.id}), true)`;
  // A known role is settled here, so the feed's query carries no role test for the planner.
  if (typeof member.role === "string") {
    if (can(member.role, "posts.write")) return sql`true`;
    return member.role === "advocate" ? sql`${post.advocatesCanSee} and ${inGroups}` : inGroups;
  }
  return sql`(${member.role} in ${EDITORS} or ((${member.role} <> 'advocate' or ${post.advocatesCanSee}) and ${inGroups}))`;
}
