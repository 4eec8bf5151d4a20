/**
 * readText on files whose stat does not tell their size (files of /proc, devices): the buffer
 * grows as the bytes come, and stops one byte over the limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/io/read-text.js';

describe('readText', () => {
  it('reads a file that stats as empty but is not (a /proc file)', async (ctx) => {
    if (!existsSync('/proc/self/maps')) ctx.skip();
    // The maps of this process: many lines, more than one buffer growth from a size of 0.
    const text = await readText('/proc/self/maps');
    expect(text.split('\n').length).toBeGreaterThan(50);
    expect(readFileSync('/proc/self/maps', 'utf8').length).toBeGreaterThan(text.length / 2);
  });

  it('stops reading an endless file one byte past the limit', async (ctx) => {
    if (!existsSync('/dev/zero')) ctx.skip();
    await expect(readText('/dev/zero', 100_000)).rejects.toThrow(/too large \(0\.1 MiB; the limit is 0\.1 MiB\)/);
  });

  it('names a directory and a missing file', async () => {
    await expect(readText(import.meta.dirname)).rejects.toThrow('is a directory');
    await expect(readText(`${import.meta.dirname}/no-such-file.yaml`)).rejects.toThrow('ENOENT');
  });
});
