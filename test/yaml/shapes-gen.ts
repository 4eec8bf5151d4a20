import { seeded } from '../reliability/support/mutate.js';

const SCALARS = ['a', 'b c', '"q"', "'s'", '1', '0644', 'yes', '~', '', '*x', '[]', '{}', '[a, "b"]', '{k: v}', '|', '>-', '"multi\n  line"', 'plain\n  more', '&x v', '&y'];
const KEYS = ['a', 'b', 'name', '"k"', '<<', 'x y'];
const COMMENTS = ['', '', '', ' # c', '  # c2'];

/**
 * Random small texts of block maps and sequences with comments and blank lines at random
 * columns, empty values, anchors, aliases, flow and block scalars: the places where the
 * yaml package's rules for comments and empty values decide ranges. Seeded, so reproducible.
 */
export function* blockShapes(seed: number, count: number): Generator<string> {
  const rnd = seeded(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const noise = (indent: number): void => {
      while (rnd() < 0.25) lines.push(rnd() < 0.5 ? ' '.repeat(Math.floor(rnd() * 3)) : `${' '.repeat(Math.max(0, indent + Math.floor(rnd() * 5) - 2))}# n${lines.length}`);
    };
    const node = (indent: number, depth: number, lead: string): void => {
      // A document's root is a collection (the fast path declines root scalars).
      const r = depth === 0 ? rnd() * 0.55 : rnd();
      if (depth < 4 && r < 0.3) {
        const items = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < items; i++) {
          const key = `${lead && i === 0 ? lead : ' '.repeat(indent)}${pick(KEYS)}${i}:`;
          item(key, indent, depth);
        }
      } else if (depth < 4 && r < 0.55) {
        const items = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < items; i++) item(`${lead && i === 0 ? lead : ' '.repeat(indent)}-`, indent, depth);
      } else {
        const s = pick(SCALARS);
        lines.push(`${lead}${s}${pick(COMMENTS)}`);
        if (s === '|' || s === '>-') lines.push(`${' '.repeat(indent + 2)}text`, ...(rnd() < 0.3 ? [''] : []));
      }
      noise(indent);
    };
    const item = (head: string, indent: number, depth: number): void => {
      const r = rnd();
      if (r < 0.35) node(indent, depth + 1, `${head} `);
      else if (r < 0.5) {
        lines.push(`${head}${pick(COMMENTS)}`);
      } else {
        lines.push(`${head}${pick(COMMENTS)}`);
        noise(indent);
        const inner = indent + (head.trimStart().startsWith('-') ? 2 : pick([0, 2, 4]));
        node(inner, depth + 1, ' '.repeat(inner));
      }
    };
    const docs = 1 + Math.floor(rnd() * 2);
    for (let d = 0; d < docs; d++) {
      if (d > 0 || rnd() < 0.3) lines.push(`---${pick(COMMENTS)}`);
      noise(0);
      if (rnd() < 0.9) node(0, 0, '');
    }
    yield lines.join('\n') + (rnd() < 0.8 ? '\n' : '');
  }
}
