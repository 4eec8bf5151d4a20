/**
 * The rule that tells a placeholder from a real credential value. A value is a placeholder
 * when, after trimming, it is:
 * - empty, or only punctuation (`***`, `...`, `--`), or only `x`/`X` characters (`xxxx`);
 * - wrapped in a template or substitution marker: `<...>`, `${...}`, `$(...)`, `{{...}}`,
 *   `%...%`, `__...__`, or starts with `$` followed by a variable name (`$PASSWORD`);
 * - a well-known placeholder word once case, spaces, `-`, `_` and `.` are removed
 *   (`changeme`, `REPLACE_ME`, `your-password`, `password`, `secret`, `redacted`, `todo`,
 *   `dummy`, `example`, `base64`, ...), or starts with an instruction such as `replaceme`,
 *   `replacewith`, `changeme`, `insertyour`, `yourpassword`, `yourtoken`, `putyour`,
 *   `enteryour`, `notareal`, `fake`, `dummy` or `example`.
 * The rule errs towards "real": a committed credential that slips through is worse than an
 * extra finding on an example file.
 */

const PLACEHOLDER_WORDS = new Set([
  'changeme',
  'changethis',
  'replaceme',
  'password',
  'passwd',
  'pass',
  'mypassword',
  'secret',
  'mysecret',
  'token',
  'mytoken',
  'apikey',
  'username',
  'user',
  'redacted',
  'removed',
  'hidden',
  'masked',
  'placeholder',
  'todo',
  'tbd',
  'fixme',
  'dummy',
  'example',
  'sample',
  'test',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'base64',
  'base64encoded',
  'auth',
  'passwordhere',
  'tokenhere',
  'secrethere',
]);

// Prefixes are whole instructions, not short stems, so real passwords such as "Puttering9"
// are not mistaken for placeholders.
const PLACEHOLDER_PREFIXES = [
  'replaceme',
  'replacewith',
  'replacethis',
  'changeme',
  'changethis',
  'insertyour',
  'inserthere',
  'yourpassword',
  'yourtoken',
  'yoursecret',
  'yourapikey',
  'yourauth',
  'putyour',
  'puthere',
  'enteryour',
  'notareal',
  'fake',
  'placeholder',
  'dummy',
  'example',
];

const WRAPPED = [/^<.*>$/s, /^\$\{.*\}$/s, /^\$\(.*\)$/s, /^\{\{.*\}\}$/s, /^%.*%$/s, /^__.*__$/s, /^\$[A-Za-z_][A-Za-z0-9_]*$/];

/** Whether a credential field value is a placeholder rather than a real secret (see module rule). */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || /^[\p{P}\p{S}]+$/u.test(v) || /^x+$/i.test(v)) return true;
  if (WRAPPED.some((re) => re.test(v))) return true;
  const word = v.toLowerCase().replace(/[\s\-_.]/g, '');
  if (word === '') return true;
  return PLACEHOLDER_WORDS.has(word) || PLACEHOLDER_PREFIXES.some((p) => word.startsWith(p));
}
