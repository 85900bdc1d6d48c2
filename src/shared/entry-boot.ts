/**
 * The few lines index.html runs while it is still parsing, to show the console's first screen
 * before the application's JavaScript has loaded (src/renderer/entry/handoff.ts explains the
 * hand-over). They copy one of the prerendered <template>s (setup or sign-in, in the saved
 * language) into #entry: the fields take typing at once; the buttons stay disabled, and submitting
 * does nothing, until the application takes over. Any failure leaves #entry empty and the
 * application shows its first screen itself.
 *
 * The script is inline (a separate file waited ~100 ms behind the application's own chunks on a
 * new profile), so every Content-Security-Policy of the console — the build's meta tag, the
 * server's header, the desktop window's header — allows exactly this script by its SHA-256 and no
 * other inline script. Kept as one string so that every build and runtime hashes the same text.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

export const ENTRY_BOOT_SCRIPT = String.raw`(function () {
  try {
    var host = document.getElementById('entry');
    if (!host || !('content' in document.createElement('template'))) return;
    // Over plain http:// to another machine the app explains why it cannot run: no form to type into.
    if (window.isSecureContext !== true || !(window.crypto && window.crypto.subtle)) return;
    var db = new URLSearchParams(location.search).get('db');
    var dbName = db && /^[\w-]{1,64}$/.test(db) ? 'meja-it-' + db : 'meja-it';
    var ls = window.localStorage;
    var hint = null;
    try {
      hint = JSON.parse(ls.getItem('meja-it.entry.' + dbName) || 'null');
    } catch (_e) {
      hint = null;
    }
    var screen = !hint ? 'setup' : hint.screen === 'signIn' || hint.screen === 'setup' ? hint.screen : null;
    // A session this tab may get back on reload (app/session-vault.ts): the app restores it.
    if (screen === 'signIn') {
      var tab = window.sessionStorage.getItem('meja-it.tab-id');
      if (tab && ls.getItem('meja-it.session.' + dbName + '.' + tab)) screen = null;
    }
    if (!screen) return;
    var lang = ls.getItem('meja-it.lang') === 'en' ? 'en' : 'id';
    var tpl = document.getElementById('entry-' + screen + '-' + lang);
    if (!tpl) return;
    var copy = tpl.content.cloneNode(true);
    var defaults = JSON.parse(tpl.getAttribute('data-defaults') || '{}');
    var fields = copy.querySelectorAll('input[name], textarea[name], select[name]');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (!Object.prototype.hasOwnProperty.call(defaults, f.name)) continue;
      if (f.tagName === 'SELECT') {
        for (var j = 0; j < f.options.length; j++) f.options[j].defaultSelected = f.options[j].value === defaults[f.name];
      } else f.defaultValue = defaults[f.name];
    }
    var buttons = copy.querySelectorAll('button, input[type=file]');
    for (var k = 0; k < buttons.length; k++) buttons[k].disabled = true;
    var forms = copy.querySelectorAll('form');
    for (var m = 0; m < forms.length; m++) {
      forms[m].setAttribute('aria-busy', 'true');
      forms[m].addEventListener('submit', function (e) {
        e.preventDefault();
      });
    }
    if (screen === 'signIn' && hint && typeof hint.office === 'string') {
      var sub = copy.querySelector('.subtitle');
      if (sub) sub.textContent = hint.office;
    }
    document.documentElement.lang = lang;
    host.setAttribute('data-screen', screen);
    host.appendChild(copy);
  } catch (_e) {
    var el = document.getElementById('entry');
    if (el) el.replaceChildren();
  }
})();`;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (CSP hash sources use it); here, where neither btoa nor Buffer is typed. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** The CSP source that allows ENTRY_BOOT_SCRIPT inline: `'sha256-…'`. */
export const ENTRY_BOOT_CSP_SOURCE = `'sha256-${base64(sha256(utf8ToBytes(ENTRY_BOOT_SCRIPT)))}'`;
