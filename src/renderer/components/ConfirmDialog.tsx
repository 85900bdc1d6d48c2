/**
 * A small confirmation dialog for destructive or irreversible steps ("Buang isian?",
 * "Arsipkan?"). A modal <dialog>: focus moves into it (to the safe choice), Escape cancels,
 * and it is announced as an alert dialog with its title and text.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmOptions {
  title: string;
  text: string;
  /** The label of the button that goes ahead. */
  confirm: string;
  /** The label of the button that goes back (default: common.cancel). */
  cancel?: string;
  danger?: boolean;
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

function Dialog({ pending, onClose }: { pending: Pending; onClose: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    cancelRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
    >
      <h2 id="confirm-title">{pending.title}</h2>
      <p id="confirm-text">{pending.text}</p>
      <div className="form-actions">
        <button ref={cancelRef} type="button" className="btn" onClick={() => onClose(false)}>
          {pending.cancel ?? t('common.cancel')}
        </button>
        <button type="button" className={pending.danger === false ? 'btn btn-primary' : 'btn btn-danger'} onClick={() => onClose(true)}>
          {pending.confirm}
        </button>
      </div>
    </dialog>
  );
}

/**
 * `const [confirmDialog, confirm] = useConfirm()`: render `confirmDialog` somewhere in the
 * screen, and `await confirm({...})` resolves true when the user goes ahead.
 */
export function useConfirm(): [ReactNode, (o: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback((o: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...o, resolve })), []);
  const node = pending ? (
    <Dialog
      pending={pending}
      onClose={(ok) => {
        pending.resolve(ok);
        setPending(null);
      }}
    />
  ) : null;
  return [node, confirm];
}
