// Every table that holds a person: which column names them, what their data export shows of
// it, and what erasing them does. Export (export-personal-data.ts) and erasure
// (erase-person.ts) are driven by this list, and tests/integration/privacy/registry.test.ts
// fails naming any table of the database with a user, membership or email column that is
// not here, so a new table cannot ship without saying what happens to its rows.
//
// Adding a table is one entry, e.g.
//   { table: "contest_entries", columns: { membership_id: membership("null") }, export: "rows", purpose: "contests" },

// What a column holds: a user id, a membership id, either (audit targets), an email address,
// or a JSON or text value that may quote any of them.
export type PersonKind = "user" | "membership" | "ref" | "email" | "json" | "text";
// What erasing the person does to a row matching on this column: delete the row, set the
// column to null (the row stays, no longer pointing to anyone: counts do not change), or
// empty it (a not-null text), or replace it with one pseudonym per erasure (a not-null id in
// an append-only ledger: the person's points stay together, pointing to no one).
export type Erasure = "delete" | "null" | "blank" | "pseudonym";
export type PersonColumn = { kind: PersonKind; erase: Erasure };

export type PersonalDataEntry = {
  table: string;
  columns: Record<string, PersonColumn>;
  // rows: the matching rows (minus `omit`: secrets, other people's data); aggregate:
  // `aggregate`'s SQL; none: never shown (a sign-in token, an internal queue, mentions only).
  export: "rows" | "aggregate" | "none";
  omit?: string[];
  // Select list and grouping for `aggregate`, over the rows matching a membership column.
  aggregate?: { select: string; groupBy: string };
  // Rows of the account itself rather than of one organisation: kept when leaving one.
  scope?: "account" | "organization";
  // Key of privacy.register.purposes.* said on the processing register.
  purpose: Purpose;
  // No organization_id column: rows are found by membership id alone (a membership belongs
  // to one organisation), so leaving one organisation still touches only its rows.
  noOrgColumn?: true;
};

export const PURPOSES = ["account", "membership", "sharing", "statistics", "content", "invitations", "imports", "notifications", "consent", "security", "privacy"] as const;
export type Purpose = (typeof PURPOSES)[number];

const user = (erase: Erasure = "null"): PersonColumn => ({ kind: "user", erase });
const membership = (erase: Erasure = "null"): PersonColumn => ({ kind: "membership", erase });
const email = (erase: Erasure = "delete"): PersonColumn => ({ kind: "email", erase });

export const PERSONAL_DATA: PersonalDataEntry[] = [
  { table: "users", columns: { id: user("delete"), email: email() }, export: "rows", scope: "account", purpose: "account" },
  { table: "accounts", columns: { user_id: user("delete") }, export: "rows", omit: ["refresh_token", "access_token", "id_token", "session_state"], scope: "account", purpose: "account" },
  { table: "sessions", columns: { user_id: user("delete") }, export: "rows", omit: ["session_token"], scope: "account", purpose: "security" },
  { table: "verification_tokens", columns: { identifier: email() }, export: "none", scope: "account", purpose: "security" },
  { table: "memberships", columns: { id: membership("delete"), user_id: user("delete") }, export: "rows", omit: ["search_text"], purpose: "membership" },
  { table: "group_members", columns: { membership_id: membership("delete") }, export: "rows", purpose: "membership" },
  { table: "shares", columns: { membership_id: membership() }, export: "rows", purpose: "sharing" },
  { table: "share_reminders", columns: { membership_id: membership("delete"), user_id: user("delete") }, export: "rows", purpose: "sharing" },
  { table: "tracked_links", columns: { membership_id: membership() }, export: "rows", purpose: "sharing" },
  {
    table: "clicks",
    columns: { membership_id: membership() },
    export: "aggregate",
    // Counts per link, never the visitors' details: those are other people's data.
    aggregate: { select: "link_id, network, count(*) filter (where filter_reason is null)::int as clicks", groupBy: "link_id, network" },
    purpose: "statistics",
  },
  { table: "notifications", columns: { user_id: user("delete"), data: { kind: "json", erase: "delete" } }, export: "rows", purpose: "notifications" },
  { table: "suggestions", columns: { suggested_by: user(), decided_by: user() }, export: "rows", purpose: "content" },
  { table: "campaigns", columns: { created_by: user() }, export: "rows", purpose: "content" },
  { table: "posts", columns: { created_by: user(), pending_link_by: user() }, export: "rows", purpose: "content" },
  { table: "post_events", columns: { actor_user_id: user() }, export: "rows", purpose: "content" },
  { table: "media", columns: { created_by: user() }, export: "rows", omit: ["storage_key"], purpose: "content" },
  { table: "imports", columns: { created_by: user(), content: { kind: "text", erase: "blank" } }, export: "rows", omit: ["content"], purpose: "imports" },
  { table: "import_row_errors", columns: { value: { kind: "text", erase: "delete" } }, export: "none", purpose: "imports" },
  { table: "invite_links", columns: { created_by: user() }, export: "rows", omit: ["code"], purpose: "invitations" },
  { table: "invitations", columns: { email: email(), invited_by: user(), accepted_by: user("delete") }, export: "rows", omit: ["token_hash"], purpose: "invitations" },
  { table: "join_claims", columns: { email: email() }, export: "rows", purpose: "invitations" },
  { table: "audit_log", columns: { actor_user_id: user(), target_id: { kind: "ref", erase: "null" } }, export: "rows", purpose: "security" },
  { table: "outbox_events", columns: { payload: { kind: "json", erase: "delete" } }, export: "none", purpose: "security" },
  { table: "consents", columns: { user_id: user("delete"), email: email() }, export: "rows", purpose: "consent" },
  { table: "personal_data_exports", columns: { user_id: user("delete") }, export: "rows", omit: ["storage_key"], scope: "account", purpose: "privacy" },
  { table: "account_deletions", columns: { user_id: user("delete") }, export: "rows", scope: "account", purpose: "privacy" },
  { table: "workspace_exports", columns: { requested_by: user() }, export: "rows", omit: ["storage_key"], purpose: "privacy" },
  { table: "workspace_deletions", columns: { requested_by: user() }, export: "rows", purpose: "privacy" },
  { table: "alerts", columns: { created_by: user() }, export: "none", purpose: "content" },
  // Decision-makers an alert reaches (public officials' office addresses), not members.
  { table: "alert_targets", columns: { email: email() }, export: "none", purpose: "content" },
  { table: "alert_action_states", columns: { membership_id: membership("delete") }, export: "rows", purpose: "sharing" },
  { table: "alert_letters", columns: { membership_id: membership("delete") }, export: "rows", purpose: "sharing" },
  { table: "notification_deliveries", columns: { user_id: user("delete") }, export: "rows", purpose: "notifications" },
  { table: "notification_preferences", columns: { membership_id: membership("delete"), user_id: user("delete") }, export: "rows", purpose: "notifications" },
  { table: "push_subscriptions", columns: { user_id: user("delete") }, export: "rows", omit: ["endpoint", "p256dh", "auth"], purpose: "notifications" },
  // The address their mail bounced from, so Relais stops mailing it: the person's, not one workspace's.
  { table: "email_bounces", columns: { user_id: user("delete"), email: email() }, export: "rows", scope: "account", purpose: "notifications" },
  { table: "analytics_daily", columns: { membership_id: membership() }, export: "none", purpose: "statistics" },
  // The dashboards' per-member summary: one pseudonym per erasure keeps the figures and the
  // count of active members (nulling would merge two erased people's rows on one key).
  { table: "analytics_daily_members", columns: { membership_id: membership("pseudonym") }, export: "none", purpose: "statistics" },
  { table: "member_audiences", columns: { membership_id: membership("delete") }, export: "rows", purpose: "statistics" },
  { table: "report_links", columns: { created_by: user() }, export: "none", omit: ["token_hash"], purpose: "statistics" },
  { table: "contests", columns: { created_by: user() }, export: "none", purpose: "content" },
  { table: "contest_rule_versions", columns: { created_by: user() }, export: "none", purpose: "content" },
  { table: "contest_points", columns: { membership_id: membership("pseudonym"), actor_user_id: user() }, export: "rows", purpose: "statistics" },
  { table: "contest_daily_totals", columns: { membership_id: membership("pseudonym") }, export: "none", purpose: "statistics", noOrgColumn: true },
];

// Column names that say "this holds a person" when the database is enumerated (the registry
// test): user and membership ids, actors, emails.
export const PERSON_COLUMN_PATTERN = /(^|_)(user_id|membership_id|email)$|_by$/;
