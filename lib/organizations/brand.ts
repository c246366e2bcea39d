import { colord, extend } from "colord";
import a11yPlugin from "colord/plugins/a11y";

extend([a11yPlugin]);

const WHITE = "#ffffff";
const BLACK = "#000000";

// Any hex an admin picks stays readable: text on the brand colour is white or black, whichever
// contrasts more, which is never below 4.58:1 (WCAG AA for normal text); a softer ink would
// drop to ~4.2 for mid-tones. The brand colour itself only fills a badge or a decorative stripe.
export function brandPalette(hex: string) {
  const color = colord(hex);
  return { brand: hex, onBrand: color.contrast(WHITE) >= color.contrast(BLACK) ? WHITE : BLACK };
}
