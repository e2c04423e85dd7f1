"use client";

import { StatusPage } from "@/components/shell/status-page";

export default function Forbidden() {
  return <StatusPage title="forbiddenTitle" hint="forbiddenHint" href="/" link="backHome" />;
}
