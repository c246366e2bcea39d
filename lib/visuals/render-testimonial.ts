import fs from "node:fs/promises";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";
import satori from "satori";
import sharp from "sharp";
import type { Testimonial } from "@/db/schema/posts";
import type { Locale } from "@/db/schema/enums";

extend([a11yPlugin]);

export const VISUAL_SIZES = {
  landscape: { width: 1200, height: 627 },
  square: { width: 1080, height: 1080 },
} as const;
export type VisualFormat = keyof typeof VISUAL_SIZES;

// Bump when the layout changes: stored visuals are keyed by a hash that includes it.
export const RENDER_VERSION = 2;

export type TestimonialCard = {
  testimonial: Pick<Testimonial, "firstName" | "jobTitle" | "quote">;
  orgName: string;
  brandColor: string;
  locale: Locale;
  // Any image sharp reads; cropped to a square.
  photo?: Uint8Array | null;
};

type Style = Record<string, string | number>;
type Element = { type: string; props: { style?: Style; children?: unknown; [key: string]: unknown } };

// satori takes React-shaped objects; without JSX in worker code, this builds them.
function h(type: string, props: { style?: Style; [key: string]: unknown }, ...children: unknown[]): Element {
  // satori lays padding outside the given size unless told otherwise.
  const style = type === "div" ? { display: "flex", boxSizing: "border-box", ...props.style } : props.style;
  return { type, props: { ...props, style, children: children.length === 1 ? children[0] : children } };
}

type Font = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };
let fonts: Promise<Font[]> | undefined;

// Inter from the npm package (no network at run time). satori reads WOFF, not WOFF2.
function loadFonts() {
  const dir = path.join(process.cwd(), "node_modules/@fontsource/inter/files");
  fonts ??= Promise.all(
    (["latin", "latin-ext"] as const).flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => ({
        name: "Inter",
        weight,
        style: "normal" as const,
        data: await fs.readFile(path.join(dir, `inter-${subset}-${weight}-normal.woff`)),
      })),
    ),
  );
  return fonts;
}

// The largest font size at which the quote fits the box, estimated from Inter's average glyph
// width; lineClamp still cuts a quote too long even at the smallest size.
function fitQuote(text: string, box: { width: number; height: number }, sizes: { max: number; min: number }) {
  const lineHeight = 1.3;
  for (let size = sizes.max; size > sizes.min; size -= 2) {
    const perLine = Math.floor(box.width / (size * 0.53));
    const words = text.split(/\s+/);
    let lines = 1;
    let current = 0;
    for (const word of words) {
      const next = current === 0 ? word.length : current + 1 + word.length;
      if (next > perLine && current > 0) {
        lines += 1;
        current = word.length;
      } else current = next;
    }
    if (lines * size * lineHeight <= box.height) return { fontSize: size, lineHeight, maxLines: lines };
  }
  return { fontSize: sizes.min, lineHeight, maxLines: Math.floor(box.height / (sizes.min * lineHeight)) };
}

function palette(brandColor: string) {
  const base = colord(brandColor).isValid() ? colord(brandColor) : colord("#1d4ed8");
  const light = base.contrast("#ffffff") < 4.5;
  return {
    background: base.toHex(),
    // A band a little darker (or lighter) than the brand colour, for depth.
    band: (light ? base.darken(0.08) : base.darken(0.12)).toHex(),
    text: light ? "#111827" : "#ffffff",
    soft: light ? "rgba(17,24,39,0.78)" : "rgba(255,255,255,0.85)",
    accent: light ? "rgba(17,24,39,0.22)" : "rgba(255,255,255,0.28)",
  };
}

async function photoDataUri(photo: Uint8Array | null | undefined) {
  if (!photo) return null;
  try {
    const jpeg = await sharp(photo).rotate().resize(480, 480, { fit: "cover", position: "attention" }).jpeg({ quality: 85 }).toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
  } catch {
    return null;
  }
}

function portrait(src: string | null, firstName: string, size: number, colors: ReturnType<typeof palette>) {
  const border = Math.round(size / 40);
  const inner = size - 2 * border;
  return h(
    "div",
    {
      style: {
        width: size,
        height: size,
        flexShrink: 0,
        borderRadius: size / 2,
        border: `${border}px solid ${colors.text}`,
        overflow: "hidden",
        alignItems: "center",
        justifyContent: "center",
        backgroundColor: colors.band,
        color: colors.text,
        fontSize: size * 0.45,
        fontWeight: 700,
      },
    },
    src ? h("img", { src, width: inner, height: inner, style: { width: inner, height: inner, objectFit: "cover" } }) : drawable(firstName).charAt(0).toUpperCase() || "?",
  );
}

// Inter (Latin and Latin Extended) is the only font: characters it lacks (emoji, other
// scripts) would be drawn as "no glyph" boxes, so they are left out of the card.
const UNDRAWABLE = /[^\u0000-\u024f\u0259\u02bb\u02bc\u02c6\u02da\u02dc\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u2193\u2212]/gu;

function drawable(text: string) {
  return text.replace(UNDRAWABLE, "").replace(/[\u200b-\u200d\u2060]/g, "").replace(/\s+/g, " ").trim();
}

// French quotes hold their words with no-break spaces; the member's own quote marks are dropped.
function quoted(quote: string, locale: Locale) {
  const bare = drawable(quote).replace(/^[«"“]\s*/, "").replace(/\s*[»"”]$/, "");
  return locale === "fr" ? `«\u00a0${bare}\u00a0»` : `“${bare}”`;
}

function quoteBlock(text: string, box: { width: number; height: number }, sizes: { max: number; min: number }, colors: ReturnType<typeof palette>) {
  const fit = fitQuote(text, box, sizes);
  return h(
    "div",
    { style: { width: box.width, height: box.height, alignItems: "center" } },
    h("div", { style: { display: "block", fontSize: fit.fontSize, lineHeight: fit.lineHeight, fontWeight: 700, color: colors.text, lineClamp: fit.maxLines } }, text),
  );
}

function signature(card: TestimonialCard, width: number, scale: number, colors: ReturnType<typeof palette>) {
  return h(
    "div",
    { style: { flexDirection: "column", width } },
    h("div", { style: { display: "block", fontSize: 40 * scale, fontWeight: 700, color: colors.text, lineClamp: 1 } }, drawable(card.testimonial.firstName)),
    h("div", { style: { display: "block", fontSize: 28 * scale, lineHeight: 1.3, color: colors.soft, marginTop: 4, lineClamp: 2 } }, drawable(card.testimonial.jobTitle)),
  );
}

function footer(orgName: string, fontSize: number, colors: ReturnType<typeof palette>) {
  return h(
    "div",
    { style: { alignItems: "center", gap: 16 } },
    h("div", { style: { width: 48, height: 6, backgroundColor: colors.text, borderRadius: 3 } }),
    h("div", { style: { display: "block", fontSize, fontWeight: 700, color: colors.text, letterSpacing: 0.5, lineClamp: 1 } }, drawable(orgName)),
  );
}

function landscape(card: TestimonialCard, photo: string | null, colors: ReturnType<typeof palette>) {
  const { width, height } = VISUAL_SIZES.landscape;
  return h(
    "div",
    { style: { width, height, backgroundColor: colors.background, fontFamily: "Inter" } },
    h(
      "div",
      { style: { width: 400, height, backgroundColor: colors.band, alignItems: "center", justifyContent: "center" } },
      portrait(photo, card.testimonial.firstName, 300, colors),
    ),
    h(
      "div",
      { style: { width: width - 400, height, flexDirection: "column", justifyContent: "space-between", padding: "56px 64px 48px 64px" } },
      quoteBlock(quoted(card.testimonial.quote, card.locale), { width: width - 400 - 128, height: 330 }, { max: 52, min: 22 }, colors),
      signature(card, width - 400 - 128, 1, colors),
      footer(card.orgName, 24, colors),
    ),
  );
}

function square(card: TestimonialCard, photo: string | null, colors: ReturnType<typeof palette>) {
  const { width, height } = VISUAL_SIZES.square;
  return h(
    "div",
    { style: { width, height, backgroundColor: colors.background, fontFamily: "Inter", flexDirection: "column", justifyContent: "space-between", padding: 80 } },
    h("div", { style: { alignItems: "center", gap: 40 } }, portrait(photo, card.testimonial.firstName, 220, colors), signature(card, width - 160 - 260, 1.25, colors)),
    quoteBlock(quoted(card.testimonial.quote, card.locale), { width: width - 160, height: 520 }, { max: 72, min: 30 }, colors),
    footer(card.orgName, 32, colors),
  );
}

async function toPng(element: Element, format: VisualFormat) {
  const { width, height } = VISUAL_SIZES[format];
  const svg = await satori(element as never, { width, height, fonts: await loadFonts() });
  return new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
}

// The "J'aime mon métier" card: photo (or the initial), quote, first name, job title and the
// organisation's name, on the organisation's colour, in both sizes.
export async function renderTestimonialVisuals(card: TestimonialCard): Promise<Record<VisualFormat, Buffer>> {
  const colors = palette(card.brandColor);
  const photo = await photoDataUri(card.photo);
  const [landscapePng, squarePng] = await Promise.all([toPng(landscape(card, photo, colors), "landscape"), toPng(square(card, photo, colors), "square")]);
  return { landscape: landscapePng, square: squarePng };
}
