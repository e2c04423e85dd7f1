"use client";

import { StatusPage } from "@/components/shell/status-page";

export default function NotFound() {
  return <StatusPage title="notFoundTitle" hint="notFoundHint" href="/" link="backHome" fullScreen />;
}
