/**
 * A settings card that edits one list of names, one per line (the office's access systems, its
 * backup jobs): the text area is parsed into trimmed, non-blank lines and checked with the
 * list's own schema (the command's, so the card and org.update agree), its message at the text
 * area, naming the line it concerns. The stored list shows up while the admin is not editing
 * (a change saved on another console arrives through sync).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Failure } from '@shared/result';
import { FailureBanner } from '../ui';
import { FormActions } from './FormActions';

/** The lines of a text area, trimmed, blank lines dropped. */
export const parseLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The schema's first message for the list, with the line it concerns when it is about one line. */
export function checkLines(schema: z.ZodType<string[], string[]>, list: string[]): { key: string; line?: number } | null {
  const r = schema.safeParse(list);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
  return { key: issue.message, line: index === undefined ? undefined : index + 1 };
}

/** The form's schema: the text area's lines, checked by the list's schema (a line's issue at `text.<index>`). */
export const linesFormSchema = (list: z.ZodType<string[], string[]>) => z.object({ text: z.string().transform(parseLines).pipe(list) });

/** The message at the text area: the list's (`text`) or one line's (`text.<index>`), the first line first. */
export function linesError(error: FieldError | Record<string, FieldError | undefined> | undefined): { key: string; line?: number } | null {
  if (!error) return null;
  if (typeof error.message === 'string') return { key: error.message };
  const lines = Object.keys(error)
    .filter((k) => /^\d+$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
  const first = lines[0];
  const message = first === undefined ? undefined : (error as Record<string, FieldError | undefined>)[first]?.message;
  return message ? { key: message, line: first! + 1 } : null;
}

export interface LinesFormTexts {
  title: string;
  intro?: string;
  saved: string;
  usingDefaults: string;
  label: string;
  hint: string;
  /** The message naming a line: `{{line}}`, `{{error}}`. */
  lineKey: string;
  restoreDefaults: string;
  save: string;
}

export function LinesForm(props: {
  /** The card's id prefix (`<id>-title`) and the text area's id. */
  id: string;
  inputId: string;
  testId: string;
  stored: readonly string[];
  defaults: readonly string[];
  usingDefaults: boolean;
  schema: z.ZodType<string[], string[]>;
  texts: LinesFormTexts;
  /** Fewest and most rows of the text area. */
  rows: [number, number];
  busy: boolean;
  failure: Failure | null;
  /** Sends the list; true when it was saved. */
  save: (list: string[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { texts } = props;
  const stored = props.stored.join('\n');
  const form = useForm<{ text: string }, unknown, { text: string[] }>({ resolver: zodResolver(linesFormSchema(props.schema)), defaultValues: { text: stored } });
  const { register, handleSubmit, reset, setValue, formState, control } = form;
  const text = useWatch({ control, name: 'text' });
  const [saved, setSaved] = useState(false);
  const editing = useRef(false);
  // A change saved here or on another console (through sync) shows up unless the admin is editing.
  useEffect(() => {
    if (!editing.current) reset({ text: stored });
  }, [stored, reset]);
  const error = linesError(formState.errors.text as FieldError | Record<string, FieldError> | undefined);
  const message = error ? (error.line ? t(texts.lineKey, { line: error.line, error: t(error.key) }) : t(error.key)) : null;
  const onValid = async ({ text: list }: { text: string[] }) => {
    setSaved(false);
    if (await props.save(list)) {
      editing.current = false;
      reset({ text: list.join('\n') });
      setSaved(true);
    }
  };
  const field = register('text');
  const errorId = `${props.inputId}-error`;
  const hintId = `${props.inputId}-hint`;
  return (
    <form className="card" onSubmit={(e) => void handleSubmit(onValid, () => setSaved(false))(e)} noValidate aria-labelledby={`${props.id}-title`} data-testid={props.testId}>
      <h2 id={`${props.id}-title`}>{texts.title}</h2>
      {texts.intro && <p className="hint">{texts.intro}</p>}
      <FailureBanner failure={props.failure} />
      {saved && !props.failure && (
        <div className="banner banner-ok" role="status">
          {texts.saved}
        </div>
      )}
      {props.usingDefaults && <p className="muted">{texts.usingDefaults}</p>}
      <div className={`field field-wide${message ? ' has-error' : ''}`}>
        <label htmlFor={props.inputId}>{texts.label}</label>
        <textarea id={props.inputId} rows={Math.min(props.rows[1], Math.max(props.rows[0], text.split('\n').length + 1))} {...field}
          onChange={(e) => {
            editing.current = true;
            setSaved(false);
            return field.onChange(e);
          }}
          aria-invalid={message ? true : undefined} aria-describedby={message ? errorId : hintId} />
        {message ? (
          <div className="field-error" role="alert" id={errorId}>
            {message}
          </div>
        ) : (
          <div className="hint" id={hintId}>
            {texts.hint}
          </div>
        )}
      </div>
      <FormActions submitLabel={texts.save} busy={props.busy}>
        <button
          type="button"
          className="btn"
          onClick={() => {
            editing.current = true;
            setValue('text', props.defaults.join('\n'), { shouldDirty: true });
            form.clearErrors();
            setSaved(false);
          }}
        >
          {texts.restoreDefaults}
        </button>
      </FormActions>
    </form>
  );
}
