import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './LibraryConfirmDialog.css';

export interface LibraryConfirmDialogProps {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question ("Delete this snapshot?"): the browser's own `<dialog>`, so focus stays inside, Escape
 * cancels and focus returns to the button that opened it. The safe choice has the focus first.
 */
export function LibraryConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: LibraryConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      const opener = document.activeElement as HTMLElement | null;
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      cancel.current?.focus();
      return () => opener?.focus?.();
    }
    if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
    return undefined;
  }, [open]);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      aria-describedby="confirm-dialog-body"
      data-confirm-dialog
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-dialog-title" class="confirm-dialog__title">
        {title}
      </h2>
      <div id="confirm-dialog-body" class="confirm-dialog__body">
        {children}
      </div>
      <div class="confirm-dialog__buttons">
        <button type="button" class="button" ref={cancel} data-action="cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button button--danger-solid" data-action="confirm" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
