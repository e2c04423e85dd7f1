/**
 * A page meant for paper: A4 with the given margin, the shell's header, the dev overlay and the page
 * padding left off, plus the page's own rules (`extra`). One place for what every printable page
 * (the registration form, the public notice, a doctor's timeline) shares.
 */
export function PrintSheetStyle({ margin = "15mm", extra = "" }: { margin?: string; extra?: string }) {
  const css = `
@page { size: A4; margin: ${margin}; }
@media print {
  html, body { background: #fff !important; }
  body header, nextjs-portal { display: none !important; }
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  ${extra}
}`;
  return <style>{css}</style>;
}
