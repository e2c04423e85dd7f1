"use client";

import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; itself hidden on paper. */
export function PrintButton() {
  const t = useTranslations("applications.form");
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      <Printer aria-hidden className="h-4 w-4" />
      {t("print")}
    </Button>
  );
}
