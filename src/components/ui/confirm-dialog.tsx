"use client";

import { useEffect, useId, useRef } from "react";
import { Button, type TButtonVariant } from "./button";

/**
 * Asks before an action, as a modal `<dialog>`: the browser traps focus in it,
 * makes the page behind it inert, closes it on Escape and gives focus back to
 * the button that opened it. Open while `open` is true; `onCancel` runs on
 * Escape, on Cancel and on a click on the backdrop.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  confirmVariant?: TButtonVariant;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const { open } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="confirm-dialog"
      // Escape: the browser would close it behind React's back; let the owner decide.
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) props.onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-900/10 backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="px-5 py-5 sm:px-6">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {props.title}
          </h2>
          <div id={bodyId} className="mt-2 text-sm leading-6 text-slate-600">
            {props.children}
          </div>
          <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={props.onCancel} autoFocus>
              Cancel
            </Button>
            <Button variant={props.confirmVariant ?? "primary"} onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
