import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ZodWithoutEval } from "@/components/security/zod-without-eval";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "Control which tools your AI agents may call on your MCP servers.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can stamp its scripts with that response's CSP
  // nonce (see src/proxy.ts); a page prerendered at build time would carry none and not run.
  await connection();
  return (
    <html lang="en">
      <body>
        <ZodWithoutEval />
        {children}
      </body>
    </html>
  );
}
