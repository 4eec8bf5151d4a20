import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { defaultFixOptions, type FixOptions } from '../../../src/core/options.js';
import { checkComments } from '../../../src/engine/verify.js';
import { formatScalar } from '../../../src/fix/scalar-format.js';
import { dataOf, fixOnce } from './check-fix.js';

/**
 * Issue 17's families of legal YAML forms, generated: YAML 1.1 look-alike values, empty values
 * with comments, tags and anchors, explicit keys, flow collections closed on another line, and
 * JSON. Each case is one Pod whose fixed data is known.
 */
export interface FormCase {
  text: string;
  options: FixOptions;
  expected: unknown;
  json: boolean;
}

const LOOK_ALIKES = ['demo', 'e5', 'e0', 'e-5', 'e10', 'yes', 'on', 'off', 'y', 'n', 'null', 'true'];
const META = ['missing', 'empty', 'empty-comment', 'empty-tab-comment', 'null-tag', 'null-tag-tilde', 'anchored-empty', 'explicit-key', 'flow-multiline', 'ns-empty-comment', 'ns-null-tag', 'ns-explicit-key'] as const;
const SECRETS = ['missing', 'null-tag', 'null-tag-tilde', 'empty-comment', 'flow-multiline', 'explicit-key-containers', 'anchored-empty'] as const;

export const formCaseArb: fc.Arbitrary<FormCase> = fc.record({
  name: fc.constantFrom(...LOOK_ALIKES),
  ns: fc.constantFrom(...LOOK_ALIKES.filter((v) => /^[a-z0-9-]+$/.test(v))),
  secret: fc.constantFrom('regcred', 'e5', 'on', 'yes'),
  meta: fc.constantFrom(...META),
  secrets: fc.constantFrom(...SECRETS),
  indent: fc.constantFrom(2, 4),
  json: fc.boolean(),
  finalNewline: fc.boolean(),
}).map((c) => {
  const expected = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(c.meta === 'missing' ? {} : { name: c.name }), namespace: c.ns },
    spec: { containers: [{ name: 'c', image: 'app:1' }], imagePullSecrets: [{ name: c.secret }] },
  };
  const options = { ...defaultFixOptions(), namespace: c.ns, pullSecrets: [c.secret] };
  if (c.json) {
    const input = { apiVersion: 'v1', kind: 'Pod', metadata: { name: c.name }, spec: { containers: [{ name: 'c', image: 'app:1' }] } };
    const fixed = { ...expected, metadata: { name: c.name, namespace: c.ns } };
    return { text: JSON.stringify(input, null, c.indent) + (c.finalNewline ? '\n' : ''), options, expected: fixed, json: true };
  }
  const i = ' '.repeat(c.indent);
  const n = formatScalar(c.name);
  const meta: Record<(typeof META)[number], string> = {
    missing: '',
    empty: 'metadata:\n',
    'empty-comment': 'metadata: # the meta\n',
    'empty-tab-comment': 'metadata:\t# the meta\n',
    'null-tag': 'metadata: !!null\n',
    'null-tag-tilde': 'metadata: !!null ~ # c\n',
    'anchored-empty': 'metadata: &m\n',
    'explicit-key': `? metadata\n: name: ${n}\n`,
    'flow-multiline': `metadata: {\n${i}name: ${n}\n}\n`,
    'ns-empty-comment': `metadata:\n${i}name: ${n}\n${i}namespace: # fill me\n`,
    'ns-null-tag': `metadata:\n${i}name: ${n}\n${i}namespace: !!null\n`,
    'ns-explicit-key': `metadata:\n${i}? name\n${i}: ${n}\n`,
  };
  const noName = ['empty', 'empty-comment', 'empty-tab-comment', 'null-tag', 'null-tag-tilde', 'anchored-empty'].includes(c.meta);
  if (noName) delete (expected.metadata as { name?: string }).name;
  const containers = `${i}containers:\n${i}- name: c\n${i}  image: app:1\n`;
  const secrets: Record<(typeof SECRETS)[number], string> = {
    missing: containers,
    'null-tag': `${containers}${i}imagePullSecrets: !!null\n`,
    'null-tag-tilde': `${containers}${i}imagePullSecrets: !!null ~\n`,
    'empty-comment': `${containers}${i}imagePullSecrets: # none yet\n`,
    'flow-multiline': `${containers}${i}imagePullSecrets: [\n${i}]\n`,
    'explicit-key-containers': `${i}? containers\n${i}: - name: c\n${i}    image: app:1\n`,
    'anchored-empty': `${i}imagePullSecrets: &s\n${containers}`,
  };
  let text = `apiVersion: v1\nkind: Pod\n${meta[c.meta]}spec:\n${secrets[c.secrets]}`;
  if (!c.finalNewline) text = text.replace(/\n$/, '');
  return { text, options, expected, json: false };
});

/** The promises of the fix on one generated form: the first broken one, or undefined. */
export function checkForm(c: FormCase): string | undefined {
  const r = fixOnce(c.text, c.options);
  // An error the fix does not remove (a change it cannot make, a file it cannot read) breaks the promise.
  const bad = r.findings.find((f) => f.ruleId === 'internal-error' || f.ruleId === 'yaml-syntax' || (f.severity === 'error' && !f.fix));
  if (bad) return `${bad.ruleId}${bad.fix ? '' : ' (no fix)'}: ${bad.message}`;
  const out = dataOf(r.output);
  if ('error' in out) return `output does not parse: ${out.error}`;
  if (!isDeepStrictEqual(out.data, [c.expected])) return `data mismatch: ${JSON.stringify(out.data)}`;
  if (c.json) {
    try {
      if (!isDeepStrictEqual(JSON.parse(r.output), c.expected)) return 'JSON data mismatch';
    } catch {
      return 'a JSON file is no longer JSON';
    }
  }
  const lost = checkComments(c.text, r.output);
  if (lost) return `comment lost: ${lost}`;
  const again = fixOnce(r.output, c.options);
  if (again.output !== r.output || again.findings.some((f) => f.fix)) return 'not idempotent';
  if ((r.findings.filter((f) => f.fix).length > 0) !== (r.output !== c.text)) return 'check parity broken';
  return undefined;
}
