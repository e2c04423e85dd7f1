"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Icon } from "@/components/ui/icon";

/**
 * The phone's menu drawer (./main-nav.tsx loads it on the first press of its button). Radix Dialog:
 * focus stays inside while open, Escape and the backdrop close it; closed, focus goes back to the
 * menu button (there is no Dialog.Trigger: the button lives outside, in the first-load code).
 */
export function MobileNavDrawer({
  open,
  onOpenChange,
  returnFocusTo,
  label,
  closeLabel,
  footer,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: React.RefObject<HTMLButtonElement | null>;
  label: string;
  closeLabel: string;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-2 overflow-y-auto bg-white p-4 shadow-xl focus:outline-none"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold text-slate-900">{label}</Dialog.Title>
            <Dialog.Close aria-label={closeLabel} className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100">
              <Icon name="x" className="h-5 w-5" />
            </Dialog.Close>
          </div>
          <nav aria-label={label} className="flex flex-col gap-0.5">
            {children}
          </nav>
          {footer ? <div className="mt-auto border-t border-slate-200 pt-3 text-xs text-slate-500">{footer}</div> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
