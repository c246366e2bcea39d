import type { MetadataRoute } from "next";

// Relais as an installable app (PWA): web push needs it on iOS, and phones get an icon.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Relais",
    short_name: "Relais",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
