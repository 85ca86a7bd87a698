"use client";

import { ThemeProvider as NextThemes } from "next-themes";
import type { ReactNode } from "react";

// Light, dark or the system's choice, kept in localStorage; the class on <html> switches the palette
// (app/dark-theme.css). The nonce lets next-themes' small start-up script run under the page's CSP.
export function ThemeProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return (
    <NextThemes attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemes>
  );
}
