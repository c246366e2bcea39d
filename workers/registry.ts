import type { JobHandler } from "./handler";

type Loader = () => Promise<{ default: JobHandler }>;

// Every job the workers run, by contract name. Handlers load on first use, so a worker that
// never draws a testimonial never loads the renderer.
export const HANDLERS: Record<string, Loader> = {
  "enqueue-rss-imports": () => import("./jobs/enqueue-rss-imports"),
  "expire-post": () => import("./jobs/expire-post"),
  "generate-testimonial-visual": () => import("./jobs/generate-testimonial-visual"),
  "import-advocates": () => import("./jobs/import-advocates"),
  "import-rss-feed": () => import("./jobs/import-rss-feed"),
  "notify-post-published": () => import("./jobs/notify-post-published"),
  "publish-post": () => import("./jobs/publish-post"),
  "refresh-link-cache": () => import("./jobs/refresh-link-cache"),
  "send-invitation-email": () => import("./jobs/send-invitation-email"),
  "share-reminder": () => import("./jobs/share-reminder"),
  "sweep-publishing": () => import("./jobs/sweep-publishing"),
  "sync-link-cache": () => import("./jobs/sync-link-cache"),
  "purge-join-claims": () => import("./jobs/purge-join-claims"),
  "produce-personal-export": () => import("./jobs/produce-personal-export"),
  "erase-account": () => import("./jobs/erase-account"),
  "apply-retention": () => import("./jobs/apply-retention"),
  "produce-workspace-export": () => import("./jobs/produce-workspace-export"),
  "delete-workspace": () => import("./jobs/delete-workspace"),
  "contest-score-share": () => import("./jobs/contest-score-share"),
  "contest-score-clicks": () => import("./jobs/contest-score-clicks"),
  "contest-score-action": () => import("./jobs/contest-score-action"),
  "contests-tick": () => import("./jobs/contests-tick"),
  "contest-rebuild-boards": () => import("./jobs/contest-rebuild-boards"),
  "alert-fanout": () => import("./jobs/alert-fanout"),
  "alert-chunk": () => import("./jobs/alert-chunk"),
  "alert-reminder": () => import("./jobs/alert-reminder"),
  "send-alert-letter": () => import("./jobs/send-alert-letter"),
  "deliver-notifications": () => import("./jobs/deliver-notifications"),
  "send-digests": () => import("./jobs/send-digests"),
  "alert-share-done": () => import("./jobs/alert-share-done"),
  "roll-up-analytics": () => import("./jobs/roll-up-analytics"),
  "maintain-analytics": () => import("./jobs/maintain-analytics"),
  "rebuild-analytics": () => import("./jobs/rebuild-analytics"),
};

const loaded = new Map<string, Promise<JobHandler>>();

export function loadHandler(name: string): Promise<JobHandler> | null {
  const loader = HANDLERS[name];
  if (!loader) return null;
  let handler = loaded.get(name);
  if (!handler) {
    // A failed load is not kept: the job fails and its retry tries again.
    handler = loader().then((m) => m.default);
    handler.catch(() => loaded.delete(name));
    loaded.set(name, handler);
  }
  return handler;
}
