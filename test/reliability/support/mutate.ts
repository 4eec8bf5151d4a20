import { decodeText, ReadError } from '../../../src/io/read-text.js';
import { checkComments } from '../../../src/engine/verify.js';
import type { FixOptions } from '../../../src/core/options.js';
import { CORPUS, yamlFiles } from '../../corpus/corpus.js';
import { dataOf, fixOnce, GEN_OPTIONS } from './check-fix.js';

/** Every YAML file of the shared corpus, sorted (empty when the corpus is absent). */
export function corpusFiles(): string[] {
  return yamlFiles(CORPUS);
}

/** A small seeded generator (LCG), so a mutation is reproduced by its seed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 0x100000000;
  };
}

const INSERTS = [' ', '\t', ':', ': ', '-', '- ', '#', '{', '}', '[', ']', '\n', '\r\n', '"', "'", '&a ', '*a', '|', '>', '---\n', '...\n', '!!str ', '<<: ', '{{ x }}', '\u00e9', '\uFEFF'];

/** Applies 1-3 random byte edits: replace, delete a run, truncate, insert a YAML-significant token, duplicate a slice. */
export function mutate(bytes: Uint8Array, rnd: () => number): Buffer {
  let b = Buffer.from(bytes);
  const ops = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < ops; k++) {
    const pos = Math.floor(rnd() * (b.length + 1));
    switch (Math.floor(rnd() * 5)) {
      case 0:
        if (b.length > 0) b[Math.min(pos, b.length - 1)] = Math.floor(rnd() * 256);
        break;
      case 1:
        b = Buffer.concat([b.subarray(0, pos), b.subarray(pos + 1 + Math.floor(rnd() * 40))]);
        break;
      case 2:
        b = b.subarray(0, pos);
        break;
      case 3:
        b = Buffer.concat([b.subarray(0, pos), Buffer.from(INSERTS[Math.floor(rnd() * INSERTS.length)] ?? ' '), b.subarray(pos)]);
        break;
      default: {
        const from = Math.floor(rnd() * b.length);
        b = Buffer.concat([b.subarray(0, pos), b.subarray(from, from + 1 + Math.floor(rnd() * 80)), b.subarray(pos)]);
      }
    }
  }
  return b;
}

/** What one mutated input did. */
export type MutationOutcome = 'rejected' | 'unchanged' | 'fixed' | { problem: string };

/** The options mutation runs use: namespace, pull secret and a registry rewrite, so every rule edits. */
export const MUTATION_OPTIONS: FixOptions = { ...GEN_OPTIONS, registry: 'reg.example.com/mirror' };

/**
 * Runs the engine on mutated bytes the way the CLI does (decode, then fix) and checks that it
 * neither crashes nor offers a fixed text that does not parse or drops a comment.
 */
export function runMutation(bytes: Uint8Array): MutationOutcome {
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (e) {
    if (e instanceof ReadError) return 'rejected';
    return { problem: `crash in decode: ${String(e)}` };
  }
  try {
    const r = fixOnce(text, MUTATION_OPTIONS);
    if (r.output === text) return 'unchanged';
    const d = dataOf(r.output);
    if ('error' in d) return { problem: `the offered output does not parse: ${d.error}` };
    const lost = checkComments(text, r.output);
    if (lost) return { problem: `the offered output drops a comment: ${lost}` };
    return 'fixed';
  } catch (e) {
    return { problem: `crash: ${(e as Error).stack ?? String(e)}` };
  }
}
