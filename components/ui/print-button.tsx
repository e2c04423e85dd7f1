"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * Opens the browser's print dialog; itself hidden on paper. The page passes its label in words, so
 * the button needs no message catalogue in the browser (lib/i18n/client-namespaces.ts).
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      <Printer aria-hidden className="h-4 w-4" />
      {label}
    </Button>
  );
}
