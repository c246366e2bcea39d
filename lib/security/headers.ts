// Headers every HTML answer carries (proxy.ts for Next's pages and routes, the redirect's own
// pages). Scripts run only with the request's nonce, which Next puts on its own scripts when it
// finds it in the request's Content-Security-Policy; nothing may frame Relais.
export type SecurityHeaderOptions = {
  // A fresh random value per request, or null for answers that run no script.
  nonce: string | null;
  // Served over https (directly or through the proxy): HSTS.
  https: boolean;
  // next dev evaluates code: only there.
  development?: boolean;
};

export function contentSecurityPolicy({ nonce, development = false }: Pick<SecurityHeaderOptions, "nonce" | "development">) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React's style attributes (brand colours, progress bars) and the redirect pages' <style>.
    "style-src 'self' 'unsafe-inline'",
    // Link previews show the shared page's image, wherever it is.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
