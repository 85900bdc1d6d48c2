/**
 * The action bar under every form: "Batal" then the primary submit. Cancel first asks before
 * throwing away what was typed when the form gives its `discard` (useFormDraft's, which keeps
 * the confirm-on-discard behaviour), then leaves. While the form is busy the submit is
 * disabled and says so (aria-busy), so a double click never sends a command twice.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const variantClass = { primary: ' btn-primary', plain: '', danger: ' btn-danger' } as const;

export function FormActions(props: {
  submitLabel: string;
  /** Shown on the submit while busy (default: the submit label). */
  busyLabel?: string;
  busy?: boolean;
  /** Leaves the form; called after `discard` agreed. Without it there is no cancel button. */
  onCancel?: () => void;
  /** Asks before throwing away a filled form; true when the form may be left. */
  discard?: () => Promise<boolean>;
  cancelLabel?: string;
  /** Kept in view at the bottom of a long form. */
  sticky?: boolean;
  /** Buttons at the start of the line (a short form inside a card) instead of its end. */
  start?: boolean;
  /** The submit's look: the form's main action (default), a secondary one, or a destructive one. */
  variant?: 'primary' | 'plain' | 'danger';
  small?: boolean;
  /** Extra buttons between cancel and submit. */
  children?: ReactNode;
  /** Runs before the submit (e.g. normalising a scanned serial). */
  onSubmitClick?: () => void;
}) {
  const { t } = useTranslation();
  const cancel = async () => {
    if (props.discard && !(await props.discard())) return;
    props.onCancel?.();
  };
  return (
    <div className={`form-actions${props.sticky ? ' sticky-actions' : ''}${props.start ? ' form-actions-start' : ''}`}>
      {props.onCancel && (
        <button type="button" className="btn" onClick={() => void cancel()}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
      )}
      {props.children}
      <button type="submit" className={`btn${props.small ? ' btn-small' : ''}${variantClass[props.variant ?? 'primary']}`} disabled={props.busy} aria-busy={props.busy || undefined} onClick={props.onSubmitClick}>
        {props.busy && props.busyLabel ? props.busyLabel : props.submitLabel}
      </button>
    </div>
  );
}

/**
 * The action bar of a decision: one form, two outcomes — yes (the submit, e.g. "Setujui") and no
 * (a destructive button, e.g. "Tolak"). `choose` records the outcome in the form before it is
 * submitted; the form's own schema and confirmations then apply to both.
 */
export function DecisionActions(props: { yesLabel: string; noLabel: string; busy?: boolean; choose: (yes: boolean) => void; submit: () => void }) {
  return (
    <FormActions submitLabel={props.yesLabel} busy={props.busy} onSubmitClick={() => props.choose(true)}>
      <button
        type="button"
        className="btn btn-danger"
        disabled={props.busy}
        onClick={() => {
          props.choose(false);
          props.submit();
        }}
      >
        {props.noLabel}
      </button>
    </FormActions>
  );
}
