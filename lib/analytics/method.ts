import type { Network } from "@/db/schema/enums";

export type Rates = { defaultAudience: number; viewRate: number; cpm: number; cpc: number };

// Defaults an organisation starts with (settings page to change them). Audiences are the
// followers of a typical employee account; view rate is the share of that audience an
// organic post reaches in the feed; CPM and CPC (euros) are what the same impressions and
// clicks would cost as paid media on that network.
export const DEFAULT_RATES: Record<Network, Rates> = {
  linkedin: { defaultAudience: 500, viewRate: 0.1, cpm: 30, cpc: 5 },
  x: { defaultAudience: 300, viewRate: 0.05, cpm: 6, cpc: 1 },
  facebook: { defaultAudience: 250, viewRate: 0.06, cpm: 10, cpc: 0.9 },
  bluesky: { defaultAudience: 200, viewRate: 0.08, cpm: 6, cpc: 1 },
  mastodon: { defaultAudience: 150, viewRate: 0.08, cpm: 5, cpc: 1 },
  threads: { defaultAudience: 200, viewRate: 0.05, cpm: 8, cpc: 1 },
  whatsapp: { defaultAudience: 50, viewRate: 0.6, cpm: 8, cpc: 1 },
  telegram: { defaultAudience: 100, viewRate: 0.3, cpm: 6, cpc: 1 },
  email: { defaultAudience: 80, viewRate: 0.25, cpm: 15, cpc: 1.5 },
  copy: { defaultAudience: 100, viewRate: 0.1, cpm: 8, cpc: 1 },
  native: { defaultAudience: 100, viewRate: 0.1, cpm: 8, cpc: 1 },
};

export type NetworkFigures = { network: Network | null; shares: number; reachDeclared: number; sharesUndeclared: number; clicks: number };

// The method, in one place (the dashboards' "how is this computed" notes quote it):
//   reach       = Σ shares (sharer's declared followers on the network, else the default audience)
//   impressions = Σ networks reach × view rate
//   EMV         = Σ networks impressions / 1000 × CPM + human clicks × CPC
export function estimate(rows: NetworkFigures[], rates: Record<Network, Rates>) {
  let reach = 0;
  let impressions = 0;
  let emv = 0;
  for (const row of rows) {
    if (!row.network) continue;
    const rate = rates[row.network];
    const networkReach = row.reachDeclared + row.sharesUndeclared * rate.defaultAudience;
    const networkImpressions = networkReach * rate.viewRate;
    reach += networkReach;
    impressions += networkImpressions;
    emv += (networkImpressions / 1000) * rate.cpm + row.clicks * rate.cpc;
  }
  return { reach: Math.round(reach), impressions: Math.round(impressions), emv: Math.round(emv * 100) / 100 };
}
