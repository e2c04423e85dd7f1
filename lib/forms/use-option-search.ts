"use client";
// A picker that searches its options on the server as the user types (a province has hundreds of
// units; sending them all with every page made the page heavy): the first few come with the page,
// the rest on demand. The chosen option stays offered whatever the search finds.
import { useEffect, useState } from "react";

export interface Option {
  id: string;
  name: string;
}

/** The options for `query` (debounced, the latest answer wins); `initial` while the query is empty. */
export function useOptionSearch(initial: Option[], search: (q: string) => Promise<Option[] | undefined>, chosenId?: string) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ q: string; options: Option[] } | null>(null);
  const [known, setKnown] = useState<Option[]>(initial);
  const needle = query.trim();
  useEffect(() => {
    if (!needle) return;
    let live = true;
    const timer = setTimeout(async () => {
      const options = await search(needle);
      if (!live || !options) return;
      setFound({ q: needle, options });
      setKnown((all) => [...all, ...options.filter((o) => !all.some((a) => a.id === o.id))]);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [needle, search]);
  const base = needle && found?.q === needle ? found.options : needle ? (found?.options ?? initial) : initial;
  const chosen = chosenId ? known.find((o) => o.id === chosenId) : undefined;
  const options = chosen && !base.some((o) => o.id === chosen.id) ? [chosen, ...base] : base;
  return { query, setQuery, options, nameOf: (id: string) => known.find((o) => o.id === id)?.name ?? "" };
}
