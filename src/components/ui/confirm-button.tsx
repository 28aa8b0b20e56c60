"use client";

import { useState } from "react";
import { Button, type TButtonVariant } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * A button whose action runs only after the person confirms it in the
 * dashboard's own modal dialog (never the browser's `confirm()`).
 */
export function ConfirmButton(props: {
  children: React.ReactNode;
  variant?: TButtonVariant;
  size?: "sm";
  className?: string;
  disabled?: boolean;
  /** The dialog's heading: the question. */
  title: string;
  /** What happens, in a sentence or two. */
  body: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant={props.variant} size={props.size} className={props.className} disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.children}
      </Button>
      <ConfirmDialog
        open={asking}
        title={props.title}
        confirmLabel={props.confirmLabel}
        confirmVariant={props.variant === "danger" ? "danger" : "primary"}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.body}
      </ConfirmDialog>
    </>
  );
}
