/** Small building blocks every screen uses: fields with their errors, refusals, status badges. */
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/result';
import type { VisitStatus } from '@shared/domain/visit/state';

/** Links an input to its error or hint for screen readers (aria-describedby, aria-invalid). */
function describe(child: ReactNode, id: string, hasError: boolean, hasHint: boolean): ReactNode {
  // Native inputs, and components that take the same links (the date fields: `describable`).
  if (!isValidElement(child) || (typeof child.type !== 'string' && !(child.type as { describable?: boolean }).describable)) return child;
  const describedBy = hasError ? `${id}-error` : hasHint ? `${id}-hint` : undefined;
  return cloneElement(child as ReactElement<Record<string, unknown>>, { 'aria-describedby': describedBy, 'aria-invalid': hasError || undefined });
}

/** A labelled field; shows its error (an i18n key) under the input, linked for screen readers. */
export function Field(props: { label: string; htmlFor: string; error?: string; /** Values interpolated into the error (a refusal's params). */ errorParams?: Record<string, string | number>; hint?: string; children: ReactNode; wide?: boolean; /** Shown instead of t(error), e.g. a message with a link. */ errorContent?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field${props.wide ? ' field-wide' : ''}${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.htmlFor}>{props.label}</label>
      {describe(props.children, props.htmlFor, !!props.error, !!props.hint)}
      {props.hint && !props.error && (
        <div className="hint" id={`${props.htmlFor}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div className="field-error" role="alert" id={`${props.htmlFor}-error`}>
          {props.errorContent ?? t(props.error, props.errorParams ?? {})}
        </div>
      )}
    </div>
  );
}

/** A refused command or sign-in, in the user's language. */
export function FailureBanner({ failure }: { failure: Failure | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="failure">
      {t(failure.message, failure.params ?? {})}
    </div>
  );
}

export function StatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`visit.status.${status}`)}</span>;
}

export function PageHeader({ id, title, actions, subtitle, count }: { id?: string; title: string; subtitle?: string; actions?: ReactNode; /** How many records the screen lists, beside the title. */ count?: number }) {
  const { t } = useTranslation();
  return (
    <header className="page-header">
      <div>
        <h1 id={id}>{title}</h1>
        {count !== undefined && (
          <p className="page-count muted" data-testid="page-count">
            {t('common.recordCount', { count })}
          </p>
        )}
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** Previous / page n / next under a paged list. */
export function Pager({ page, hasMore, setPage }: { page: number; hasMore: boolean; setPage: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="pager">
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span className="muted">{t('common.page', { page: page + 1 })}</span>
      <button type="button" className="btn btn-small" disabled={!hasMore} onClick={() => setPage(page + 1)}>
        {t('common.next')}
      </button>
    </div>
  );
}
