"use client";

import { useCallback, useState } from "react";
import { useOptionSearch, type Option } from "@/lib/forms/use-option-search";

/**
 * A GET filter form's choice among many (units, employers: a province has hundreds): the chosen one
 * and the first few by name come with the page; typing part of a name asks `search` (a server action
 * that scopes the answer by the policy) for the others.
 */
export function SearchableFilter({
  name,
  label,
  searchLabel,
  allLabel,
  value,
  initial,
  search,
}: {
  name: string;
  label: string;
  searchLabel: string;
  allLabel: string;
  value?: string;
  initial: Option[];
  search: (input: { q: string }) => Promise<{ data?: Option[] } | undefined>;
}) {
  const [selected, setSelected] = useState(value ?? "");
  const find = useCallback(async (q: string) => (await search({ q }))?.data, [search]);
  const { query, setQuery, options } = useOptionSearch(initial, find, selected || undefined);
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="mb-1 font-medium text-slate-700">{label}</legend>
      <div className="flex flex-wrap gap-1">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={searchLabel} placeholder={searchLabel} className="control w-40" />
        <select name={name} aria-label={label} value={selected} onChange={(e) => setSelected(e.target.value)} className="control max-w-64">
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
