"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

type Org = { slug: string; name: string; role: string };
type Brand = { logoSrc: string | null; brand: string; onBrand: string };

function Badge({ name, brand }: { name: string; brand: Brand }) {
  if (brand.logoSrc) {
    return <img src={brand.logoSrc} alt="" className="h-8 w-8 shrink-0 rounded-md bg-white object-contain" />;
  }
  const initials = name.split(/\s+/).filter(Boolean).map((w) => w[0]).slice(0, 2).join("").toUpperCase();
  return (
    <span aria-hidden="true" className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md text-sm font-bold" style={{ backgroundColor: brand.brand, color: brand.onBrand }}>
      {initials}
    </span>
  );
}

// A <details> disclosure: opens with Enter or Space, works without JavaScript; with it, Escape
// and a tap outside close it (focus returns to the toggle) and it closes after a switch.
export function OrgSwitcher({ current, orgs, brand }: { current: Org; orgs: Org[]; brand: Brand }) {
  const t = useTranslations("nav");
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    ref.current?.removeAttribute("open");
  }, [pathname]);

  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);

  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !ref.current?.open) return;
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }}
    >
      <summary className="flex min-h-11 max-w-full cursor-pointer list-none items-center gap-2 rounded-lg px-1 font-semibold hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <Badge name={current.name} brand={brand} />
        <span className="sr-only">{t("switch_org")}: </span>
        <span className="truncate">{current.name}</span>
        <span aria-hidden="true" className="text-slate-700">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <p id="org-switcher-title" className="px-2 py-1 text-xs font-semibold uppercase text-slate-700">{t("your_orgs")}</p>
        <ul aria-labelledby="org-switcher-title">
          {orgs.map((o) => {
            const isCurrent = o.slug === current.slug;
            return (
              <li key={o.slug}>
                <Link
                  href={`/${o.slug}`}
                  aria-current={isCurrent ? "true" : undefined}
                  className="flex min-h-11 items-center justify-between gap-2 rounded-lg px-2 hover:bg-slate-100 aria-[current=true]:bg-blue-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate">{o.name}</span>
                    <span className="block text-xs text-slate-700">{t(`roles.${o.role}`)}</span>
                  </span>
                  {isCurrent ? (
                    <span className="shrink-0 text-blue-800">
                      <span aria-hidden="true">✓</span>
                      <span className="sr-only">{t("current_org")}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
        <Link href="/onboarding" className="mt-1 flex min-h-11 items-center rounded-lg border-t border-slate-200 px-2 text-blue-800 hover:bg-slate-100">{t("new_org")}</Link>
      </div>
    </details>
  );
}
