/**
 * The first screen before the application has loaded.
 *
 * index.html carries the two screens a console opens on — first-run setup and sign-in — as
 * static markup in both languages (rendered from the real screens at build time, see
 * ./prerender.tsx). `public/entry-boot.js`, a few hundred bytes run while the page is still
 * parsing, puts the right one in `#entry`: the screen is on screen and its fields take typing
 * at once, its buttons wait (disabled) for the application. Which one is right comes from a hint
 * the application leaves in localStorage (`rememberEntry`): nothing secret, only which screen and
 * the office's name; a new profile has none and gets the setup screen, as the app would.
 *
 * When the application's own screen first renders, it takes what was typed (`takeEntryValues`)
 * as its starting values, and once it is committed the static copy goes (`dismissEntry`), with
 * the focus and the caret moved to the same field of the live screen. While `#entry` holds a
 * screen, `#root` is hidden (styles.css), so the app's "loading" line never shows beside it.
 */
export const ENTRY_SCREENS = ['setup', 'signIn'] as const;
export type EntryScreenName = (typeof ENTRY_SCREENS)[number];

/** The localStorage key of the hint for one database (entry-boot.js reads the same key). */
export const entryHintKey = (dbName: string) => `meja-it.entry.${dbName}`;

/** What entry-boot.js shows on the next load: a screen (with the office's name for sign-in), or none. */
export interface EntryHint {
  screen: EntryScreenName | 'none';
  office?: string;
}

/** Leaves the hint for the next load; a storage that refuses is no loss (the setup screen is the default). */
export function rememberEntry(dbName: string, hint: EntryHint, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    const text = JSON.stringify(hint);
    if (storage && storage.getItem(entryHintKey(dbName)) !== text) storage.setItem(entryHintKey(dbName), text);
  } catch {
    // Private mode or a full quota: the next load shows the default screen until the app decides.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const host = (): HTMLElement | null => (typeof document === 'undefined' ? null : document.getElementById('entry'));

/** The static screen entry-boot.js is showing, if any. */
export function shownEntry(): EntryScreenName | null {
  const screen = host()?.dataset['screen'];
  return (ENTRY_SCREENS as readonly string[]).includes(screen ?? '') ? (screen as EntryScreenName) : null;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The field the user was in, and the caret, to restore in the live screen. */
let focus: { id: string; start: number | null; end: number | null } | null = null;

/**
 * What the user typed into the static copy of `screen`: the named fields whose value differs
 * from the value they started with, as strings; none if that screen is not the one shown.
 * Remembers the focused field to restore when the static copy goes.
 */
export function takeEntryValues(screen: EntryScreenName): Record<string, string> {
  const el = host();
  if (!el || shownEntry() !== screen) return {};
  const out: Record<string, string> = {};
  for (const f of el.querySelectorAll<Field>('input[name], textarea[name], select[name]')) {
    if (f instanceof HTMLInputElement && f.type === 'file') continue;
    const start = f instanceof HTMLSelectElement ? ([...f.options].find((o) => o.defaultSelected) ?? f.options[0])?.value : f.defaultValue;
    if (f.value !== start) out[f.name] = f.value;
  }
  const active = document.activeElement;
  if (active && el.contains(active) && active.id) {
    const text = active as Partial<HTMLInputElement>;
    let start: number | null = null;
    let end: number | null = null;
    try {
      start = text.selectionStart ?? null;
      end = text.selectionEnd ?? null;
    } catch {
      // Number and select fields have no caret.
    }
    focus = { id: active.id, start, end };
  }
  return out;
}

/** Removes the static screen (the live one is committed by now) and puts the focus where it was. */
export function dismissEntry(): void {
  const el = host();
  if (!el || !el.firstChild) return;
  const hadFocus = focus ?? (el.contains(document.activeElement) && document.activeElement?.id ? { id: document.activeElement.id, start: null, end: null } : null);
  el.replaceChildren();
  delete el.dataset['screen'];
  focus = null;
  if (!hadFocus) return;
  const target = document.getElementById(hadFocus.id) as Field | null;
  if (!target || target.closest('#entry')) return;
  target.focus();
  if (hadFocus.start !== null && 'setSelectionRange' in target) {
    try {
      (target as HTMLInputElement).setSelectionRange(hadFocus.start, hadFocus.end ?? hadFocus.start);
    } catch {
      // A field type without a caret.
    }
  }
}
