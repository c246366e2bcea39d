import { describe, expect, it } from "vitest";
import { fetchLinkPreview } from "@/lib/link-preview/fetch-link-preview";
import { SafeFetchError } from "@/lib/net/safe-fetch";
import { html, onlyTestServer, startServer } from "./local-server";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return (error as SafeFetchError).code;
}

describe("link preview: what may be reached", () => {
  it.each([
    "http://127.0.0.1/",
    "http://localhost/",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://2130706433/",
  ])("refuses %s when private previews are not allowed", async (url) => {
    expect(await refusal(fetchLinkPreview(url, {}))).toBe("blocked_address");
  });

  it.each(["ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)", "http://user:pass@example.com/"])("refuses %s", async (url) => {
    expect(await refusal(fetchLinkPreview(url, {}))).toBe("invalid_url");
  });

  it("refuses a redirect to the cloud metadata address", async () => {
    const { origin } = await startServer((_req, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    });
    expect(await refusal(fetchLinkPreview(`${origin}/`, { isAllowedAddress: onlyTestServer }))).toBe("blocked_address");
  });

  it("refuses a redirect to a name that resolves to loopback", async () => {
    const { origin, port } = await startServer((req, res) => {
      if (req.url === "/") return void res.writeHead(301, { location: `http://localhost:${port}/admin` }).end();
      html(res, "<title>Admin</title>");
    });
    expect(await refusal(fetchLinkPreview(`${origin}/`, { isAllowedAddress: onlyTestServer }))).toBe("blocked_address");
  });

  it("follows up to three redirects and no more", async () => {
    const { origin } = await startServer((req, res) => {
      const n = Number(req.url!.slice(1) || 0);
      if (n < 4) return void res.writeHead(302, { location: `/${n + 1}` }).end();
      html(res, "<title>Arrivée</title>");
    });
    expect(await fetchLinkPreview(`${origin}/1`, { isAllowedAddress: () => true })).toMatchObject({ title: "Arrivée", url: `${origin}/4` });
    expect(await refusal(fetchLinkPreview(`${origin}/0`, { isAllowedAddress: () => true }))).toBe("too_many_redirects");
  });

  it("gives up on a server that never answers within the time limit", async () => {
    const { origin } = await startServer(() => {});
    const started = Date.now();
    expect(await refusal(fetchLinkPreview(`${origin}/`, { isAllowedAddress: () => true, timeoutMs: 800 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("gives up on a page that trickles in slower than the time limit", async () => {
    const { origin } = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><head>");
      const timer = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(timer));
    });
    const started = Date.now();
    expect(await refusal(fetchLinkPreview(`${origin}/`, { isAllowedAddress: () => true, timeoutMs: 800 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("reads no more than the size limit of a huge page and still finds its head", async () => {
    let sent = 0;
    let closedEarly = false;
    const { origin } = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write('<html><head><meta property="og:title" content="Très long"></head><body>');
      const chunk = `<p>${"x".repeat(64 * 1024)}</p>`;
      const pump = () => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end("</body></html>");
      };
      res.on("close", () => (closedEarly = sent < 20 * 1024 * 1024));
      pump();
    });
    const preview = await fetchLinkPreview(`${origin}/`, { isAllowedAddress: () => true, maxBytes: 1024 * 1024 });
    expect(preview.title).toBe("Très long");
    await new Promise((r) => setTimeout(r, 100));
    expect(closedEarly).toBe(true);
  });
});

describe("link preview: what is read", () => {
  it("reads Open Graph tags and resolves a relative image", async () => {
    const { origin } = await startServer((_req, res) =>
      html(
        res,
        `<html><head><title>Titre HTML</title>
        <meta property="og:title" content="Au-delà du travail décent">
        <meta property="og:description" content="Une semaine &amp; un thème.">
        <meta property="og:image" content="/images/carte.png">
        <meta property="og:site_name" content="Le blogue"></head><body></body></html>`,
      ),
    );
    expect(await fetchLinkPreview(`${origin}/article`, { isAllowedAddress: () => true })).toMatchObject({
      url: `${origin}/article`,
      title: "Au-delà du travail décent",
      description: "Une semaine & un thème.",
      imageUrl: `${origin}/images/carte.png`,
      siteName: "Le blogue",
    });
  });

  it("falls back to the title, the meta description and the Twitter image", async () => {
    const { origin } = await startServer((_req, res) =>
      html(res, `<html><head><title> Le projet de loi 96 </title><meta name="description" content="En commission."><meta name="twitter:image" content="https://cdn.example/x.jpg"></head></html>`),
    );
    expect(await fetchLinkPreview(`${origin}/`, { isAllowedAddress: () => true })).toMatchObject({
      title: "Le projet de loi 96",
      description: "En commission.",
      imageUrl: "https://cdn.example/x.jpg",
      siteName: "127.0.0.2",
    });
  });

  it("discovers the oEmbed document and fills what the page lacks", async () => {
    const { origin } = await startServer((req, res) => {
      if (req.url?.startsWith("/oembed")) {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ type: "video", title: "Vidéo de la manifestation", provider_name: "VidéoTube", thumbnail_url: "/thumbs/1.jpg" }));
      }
      html(res, `<html><head><link rel="alternate" type="application/json+oembed" href="/oembed?url=x"></head></html>`);
    });
    expect(await fetchLinkPreview(`${origin}/watch`, { isAllowedAddress: () => true })).toMatchObject({
      title: "Vidéo de la manifestation",
      siteName: "VidéoTube",
      imageUrl: `${origin}/thumbs/1.jpg`,
    });
  });

  it("decodes a page written in windows-1252", async () => {
    const { origin } = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
      res.end(Buffer.from("<title>Syndicat des employé·es</title>".replace("·", "-"), "latin1"));
    });
    expect((await fetchLinkPreview(`${origin}/`, { isAllowedAddress: () => true })).title).toBe("Syndicat des employé-es");
  });

  it("previews a direct link to an image as that image", async () => {
    const { origin } = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    });
    expect(await fetchLinkPreview(`${origin}/affiche.png`, { isAllowedAddress: () => true })).toMatchObject({ imageUrl: `${origin}/affiche.png` });
  });

  it("reports a page that answers with an error", async () => {
    const { origin } = await startServer((_req, res) => void res.writeHead(404).end("missing"));
    expect(await refusal(fetchLinkPreview(`${origin}/`, { isAllowedAddress: () => true }))).toBe("http_error");
  });
});
