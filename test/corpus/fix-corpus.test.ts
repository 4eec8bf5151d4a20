import { describe, expect, it } from 'vitest';
import { runAcceptance } from './acceptance.js';
import { CORPUS, needCorpus } from './corpus.js';

describe('the shared corpus, fixed with --namespace --pull-secret --write', () => {
  it('meets every acceptance check of the core issue', (ctx) => {
    needCorpus(ctx);
    const r = runAcceptance(CORPUS);
    expect(r.problems).toEqual([]);
    expect(r.checkBefore).toBe(1);
    // Exit 1 only for the custom resources of unknown scope (the corpus has about 30 such objects).
    expect(r.checkAfter).toBe(r.unknownKindsAfter > 0 ? 1 : 0);
    expect(r.unknownKindsAfter).toBeLessThan(40);
    // Silent misses are problems (above); nearly every pod spec is fixed automatically.
    expect(r.podSpecsFixed / r.podSpecs).toBeGreaterThanOrEqual(0.95);
    expect(r.changed).toBeGreaterThan(500);
    expect(r.secondRunChanged).toBe(0);
    expect(r.stdinMismatches).toBe(0);
  }, 300_000);
});
