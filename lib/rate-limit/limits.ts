import type { Limit } from "./rate-limit";

// Every budget in one place, so that an operator reading the code sees what is allowed.
const minutes = (n: number) => n * 60;

export const LIMITS = {
  // Sign-in links to one address, and asked for from one address.
  magicLinkPerEmail: { name: "magic-link-email", points: 5, durationSeconds: minutes(15) },
  magicLinkPerAddress: { name: "magic-link-address", points: 30, durationSeconds: minutes(15), perAddress: true },
  // Requests to join through an invite link (each sends a sign-in link).
  joinPerEmail: { name: "join-email", points: 5, durationSeconds: minutes(60) },
  joinPerAddress: { name: "join-address", points: 20, durationSeconds: minutes(60), perAddress: true },
  // Invitation emails: to one address whoever sends them, and sent by one organisation or
  // from one address (a list of 200 addresses spends 200).
  invitationPerRecipient: { name: "invitation-recipient", points: 3, durationSeconds: minutes(24 * 60) },
  invitationPerOrganization: { name: "invitation-org", points: 500, durationSeconds: minutes(60) },
  invitationPerAddress: { name: "invitation-address", points: 500, durationSeconds: minutes(60), perAddress: true },
  // Resending one pending invitation (per organisation and address).
  invitationResend: { name: "invitation-resend", points: 3, durationSeconds: minutes(24 * 60) },
} satisfies Record<string, Limit>;

// Budgets whose size is configuration (lib/env.ts), shared by every worker process.
// Per-second rates in whole points: 20/s is 20 per second; 0.5/s is 1 per 2 s.
export const perSecondBudget = (rate: number) => (rate >= 1 ? { points: Math.round(rate), durationSeconds: 1 } : { points: 1, durationSeconds: Math.ceil(1 / rate) });

export const CONFIGURED_LIMITS = {
  // Notification emails sent over SMTP, per organisation.
  smtpPerOrganization: (perSecond: number): Limit => ({ name: "smtp", ...perSecondBudget(perSecond) }),
  // Slack and Teams webhook posts, per organisation.
  webhookPerOrganization: (perMinute: number): Limit => ({ name: "webhook", points: perMinute, durationSeconds: 60 }),
  // Letters Relais sends to one decision-maker's address.
  lettersPerTarget: (perHour: number): Limit => ({ name: "letters", points: perHour, durationSeconds: 3600 }),
};
