import clsx from "clsx";
import type { IconName } from "@/lib/icons/sprite-icons";
import { ICON_SPRITE } from "./icon-sprite";

/**
 * A lucide icon drawn from the cached sprite (public/icons.svg): a <use> of ~70 bytes instead of the
 * icon's paths inline on every page, and again in the RSC payload when a server component draws it
 * (issue 17). Decorative: always aria-hidden, the control it sits in carries the words.
 */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={clsx("icon", className)}>
      <use href={`${ICON_SPRITE}#${name}`} />
    </svg>
  );
}
