"use client";
import { useState } from "react";

export function CopyLinkButton({ url, label, done }: { url: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn-primary"
      onClick={async () => {
        await navigator.clipboard.writeText(url);
        setCopied(true);
        setTimeout(() => setCopied(false), 2500);
      }}
    >
      <span aria-live="polite">{copied ? done : label}</span>
    </button>
  );
}
