"use client";

import { useState } from "react";
import { secondaryButtonClass } from "./styles";

/** Copies a value to the clipboard and says so; says how to copy by hand when the browser refuses. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setStatus("copied");
          } catch {
            // Clipboard access needs a secure context and permission; selecting the text still works.
            setStatus("failed");
          }
        }}
      >
        {label}
      </button>
      <span role="status" data-testid="copy-status" className="text-xs text-slate-600">
        {status === "copied"
          ? "Copied to clipboard"
          : status === "failed"
            ? "Copy failed: select the text and copy it"
            : ""}
      </span>
    </span>
  );
}
