import { PERSONAL_DATA, PURPOSES, type Purpose } from "./personal-data";
import type { RetentionSettings } from "./settings";

// What is kept and for how long, as message keys (privacy.kept.*) with their values: the
// settings page and the processing register say the same thing from the same settings.
export function retentionStatements(s: RetentionSettings) {
  return [
    { key: s.importFileDays === 0 ? "import_files_now" : "import_files", values: { days: s.importFileDays } },
    { key: "invitations", values: { days: s.expiredInviteDays } },
    { key: "click_details", values: { months: s.clickDetailMonths } },
    { key: "audit_log", values: { years: s.auditLogYears } },
    { key: "exports", values: { days: 7 } },
    { key: "account_deletion", values: { days: 7 } },
  ] as const;
}

// How long each purpose's data lives, by the same settings (privacy.register.retention.*).
const RETENTION: Record<Purpose, (s: RetentionSettings) => { key: string; values?: Record<string, number> }> = {
  account: () => ({ key: "until_deleted" }),
  membership: () => ({ key: "while_member" }),
  sharing: () => ({ key: "pseudonymised_on_leave" }),
  statistics: (s) => ({ key: "click_details", values: { months: s.clickDetailMonths } }),
  content: () => ({ key: "pseudonymised_on_leave" }),
  invitations: (s) => ({ key: "after_expiry", values: { days: s.expiredInviteDays } }),
  imports: (s) => ({ key: "import_files", values: { days: s.importFileDays } }),
  notifications: () => ({ key: "while_member" }),
  consent: () => ({ key: "while_member" }),
  security: (s) => ({ key: "audit_log", values: { years: s.auditLogYears } }),
  privacy: () => ({ key: "exports" }),
};

// One line per purpose: the tables behind it and how long they are kept.
export function processingRegister(s: RetentionSettings) {
  return PURPOSES.map((purpose) => ({
    purpose,
    tables: PERSONAL_DATA.filter((e) => e.purpose === purpose).map((e) => e.table),
    retention: RETENTION[purpose](s),
  }));
}
