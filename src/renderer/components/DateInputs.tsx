/**
 * Date, time and date-time fields in the UI language's formats (dd/mm/yyyy, 24-hour) whatever
 * the browser's locale: a text input with the format as its placeholder, read with the shared
 * parsers (src/shared/office-time.ts) and refused with a message at the field when it cannot be
 * read. The value handed to the form is the one a native input gave ("YYYY-MM-DD", "HH:mm",
 * "YYYY-MM-DDTHH:mm"), so commands are unchanged; text that cannot be read is handed on as typed,
 * so the form's own validation refuses it and nothing typed is lost. Arrow up/down move the
 * value by a day (a minute for times); Enter still submits.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useController, type Control, type FieldPath, type FieldValues, type UseControllerProps } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { INPUT_PATTERNS, inputText, parseInputText, stepValue, type InputKind } from '@shared/office-time';
import { useLang } from '../app/hooks';
import './DateInputs.css';

export interface DateTextInputProps {
  kind: InputKind;
  value: string | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
  id?: string;
  name?: string;
  disabled?: boolean;
  required?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  inputRef?: (el: HTMLInputElement | null) => void;
}

export function DateTextInput(props: DateTextInputProps) {
  const { kind, value, onChange, onBlur, inputRef, id, name, disabled, required, className } = props;
  const ariaLabel = props['aria-label'], ariaDescribedBy = props['aria-describedby'], ariaInvalid = props['aria-invalid'];
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(() => inputText(kind, value));
  const [touched, setTouched] = useState(false);
  const errorId = `${useId()}-format`;
  // A value set from outside (a reset, a default of "now") replaces the text unless it is what the text says.
  // (Adjusted while rendering, React's pattern for state derived from a changed prop.)
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if ((parseInputText(kind, text) ?? text) !== (value ?? '')) setText(inputText(kind, value));
  }
  const bad = text.trim() !== '' && parseInputText(kind, text) === undefined;
  const showBad = bad && touched;
  const pattern = INPUT_PATTERNS[lang][kind];

  const change = (next: string) => {
    setText(next);
    const parsed = parseInputText(kind, next);
    onChange(next.trim() === '' ? '' : (parsed ?? next));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const current = parseInputText(kind, text);
    if (!current) return;
    const next = stepValue(kind, current, e.key === 'ArrowUp' ? 1 : -1);
    if (!next) return;
    e.preventDefault();
    setText(inputText(kind, next));
    onChange(next);
  };
  const describedBy = [ariaDescribedBy, showBad ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <span className={`date-text date-text-${kind}`}>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        inputMode={kind === 'datetime' ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        className={className}
        placeholder={pattern}
        title={t('dates.input.title', { pattern })}
        disabled={disabled}
        required={required}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={ariaInvalid || showBad || undefined}
        data-kind={kind}
        value={text}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setTouched(true);
          const parsed = parseInputText(kind, text);
          if (parsed) setText(inputText(kind, parsed));
          onBlur?.();
        }}
      />
      {showBad && (
        <span className="field-error" role="alert" id={errorId}>
          {t(`dates.input.bad.${kind}`, { pattern, example: t(`dates.input.example.${kind}`) })}
        </span>
      )}
    </span>
  );
}
/** Field passes its error and hint links to this input too. */
DateTextInput.describable = true;

/** The same field bound to a react-hook-form field (instead of `register`). */
export function DateTextField<T extends FieldValues, TOut = T>(
  props: Omit<DateTextInputProps, 'value' | 'onChange' | 'onBlur' | 'name' | 'inputRef'> & { control: Control<T, unknown, TOut>; name: FieldPath<T>; rules?: UseControllerProps<T, FieldPath<T>, TOut>['rules']; onValueChange?: (value: string) => void },
) {
  const { control, name, rules, onValueChange, ...rest } = props;
  const { field } = useController({ control, name, rules });
  return (
    <DateTextInput
      {...rest}
      name={field.name}
      value={field.value as string | undefined}
      onChange={(v) => {
        field.onChange(v);
        onValueChange?.(v);
      }}
      onBlur={field.onBlur}
      inputRef={field.ref}
      disabled={props.disabled ?? field.disabled}
    />
  );
}
DateTextField.describable = true;
