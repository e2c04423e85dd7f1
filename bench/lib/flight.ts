// A page's RSC flight payload as its HTML carries it: the strings of the inline
// `self.__next_f.push([1, "…"])` scripts joined, split into the payload's rows (`<id>:<row>`), each row's
// bytes. What takes the bytes of a page's payload (issue 17: bench/profile-pages.ts prints the largest rows).
export interface FlightRow {
  id: string;
  bytes: number;
  text: string;
}

/** The payload's text: every pushed string, in order. */
export function flightText(html: string): string {
  const parts: string[] = [];
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) parts.push(JSON.parse(m[1]!) as string);
  return parts.join("");
}

/** The payload's rows, largest first. A text row (`<id>:T<hex length>,…`) is cut at its length. */
export function flightRows(text: string): FlightRow[] {
  const rows: FlightRow[] = [];
  let at = 0;
  while (at < text.length) {
    const head = /^([0-9a-f]*):(T([0-9a-f]+),)?/.exec(text.slice(at, at + 40));
    let end: number;
    if (head?.[2]) {
      // The length is in UTF-8 bytes.
      const start = at + head[0].length;
      const body = Buffer.from(text.slice(start), "utf8").subarray(0, parseInt(head[3]!, 16)).toString("utf8");
      end = start + body.length;
    } else {
      const newline = text.indexOf("\n", at);
      end = newline < 0 ? text.length : newline + 1;
    }
    const row = text.slice(at, end);
    rows.push({ id: head?.[1] ?? "?", bytes: Buffer.byteLength(row), text: row });
    at = end;
  }
  return rows.sort((a, b) => b.bytes - a.bytes);
}
