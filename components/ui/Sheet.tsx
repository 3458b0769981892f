"use client";
import { useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from "react";
import { createPortal } from "react-dom";

/** showModal() where the browser has it; jsdom (unit tests) lacks it, so there the dialog is only marked open. */
function show(dialog: HTMLDialogElement) {
  if (dialog.open) return;
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", "");
}

/**
 * The app's one modal: a native <dialog> opened with showModal() while mounted, so the browser puts
 * it in the top layer (above sticky bars and transformed parents), makes the rest of the page inert,
 * keeps Tab inside, and stacks a sheet opened from another on top of it. From the bottom on phones,
 * centred from sm up. Escape, a click on the backdrop and the close button call onClose, none of them
 * while busy; unmounting closes it and gives focus back to where it was.
 *
 * Still in a portal, for the DOM rather than for stacking: inside a caller's <form> its buttons
 * (most have no type, so they submit) and forms would belong to that form.
 */
export function Sheet({
  title,
  onClose,
  children,
  busy = false,
  closeLabel = "关闭",
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  busy?: boolean;
  closeLabel?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const pressedBackdrop = useRef(false);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    show(dialog);
    // React ran autoFocus while the dialog was still closed (display: none), and it renders no
    // autofocus attribute for showModal() to honour: a field to focus first carries data-autofocus.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
      opener?.focus(); // not every browser restores focus itself
    };
  }, []);
  // React sends cancel, close and click up its own tree, through portals, so a sheet opened from
  // inside another reaches the outer one's handlers too: each acts only on events at its own dialog.
  const own = (e: SyntheticEvent) => e.target === e.currentTarget;
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={id}
      onCancel={(e) => {
        // Escape (or Android's back): mounted means open, so the browser never closes it by itself
        if (!own(e)) return;
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={(e) => {
        // Chrome lets a page refuse Escape once per user activation and then closes anyway
        if (own(e) && busy) show(e.currentTarget);
      }}
      // the dialog has no padding of its own, so an event at the dialog itself is on the backdrop; the
      // press must start there too, or a text selection dragged out of the sheet would close it
      onPointerDown={(e) => {
        pressedBackdrop.current = own(e);
      }}
      onClick={(e) => {
        if (own(e) && pressedBackdrop.current && !busy) onClose();
      }}
      // margins, sizes, border and padding of its own replace the browser's dialog defaults
      className="mx-auto mt-auto mb-0 max-h-none w-full max-w-md rounded-t-2xl border-0 bg-white p-0 text-inherit backdrop:bg-black/40 sm:mb-auto sm:rounded-2xl"
    >
      <div className="flex max-h-[88dvh] flex-col gap-3 overflow-y-auto p-5 pb-[max(1.25rem,env(safe-area-inset-bottom))]">
        <div className="flex items-center justify-between gap-3">
          <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
            {title}
          </h2>
          <button type="button" onClick={onClose} disabled={busy} className="min-h-11 px-2 text-sm text-slate-500">
            {closeLabel}
          </button>
        </div>
        {children}
      </div>
    </dialog>,
    document.body,
  );
}
