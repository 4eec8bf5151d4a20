import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunStats } from '../../src/run/file-stamps.js';
import { readRunRecord, RECORD_FORMAT, unchanged, writeRunRecord } from '../../src/run/run-record.js';

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'privreg-fix-record-'));
const row = (file: string): number[] => {
  const s = statSync(file);
  return [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev];
};

describe('the record of a run (run-record.ts)', () => {
  it('keeps its text as it is, line breaks and all, and reads it back as bytes', () => {
    const file = path.join(dir(), 'c.run');
    const text = 'a.yaml:1:1 error "x"\n\n  \\n not an escape\nüñí\n';
    writeRunRecord(file, { key: 'k', stats: [1, 2, 3, 4, 5], report: { n: 1 }, text });
    const back = readRunRecord(file);
    expect(back && Buffer.from(back.text).toString('utf8')).toBe(text);
    expect(back).toMatchObject({ key: 'k', stats: [1, 2, 3, 4, 5], report: { n: 1 } });
  });

  it('is no record when missing, foreign, of another shape or writable by others', () => {
    const d = dir();
    const at = (name: string, content: string): string => {
      writeFileSync(path.join(d, name), content, { mode: 0o600 });
      return path.join(d, name);
    };
    expect(readRunRecord(path.join(d, 'missing'))).toBeUndefined();
    expect(readRunRecord(at('one-line', JSON.stringify({ format: RECORD_FORMAT, key: 'k', stats: [], report: 1 })))).toBeUndefined();
    expect(readRunRecord(at('foreign', `${JSON.stringify({ format: 'other', key: 'k', stats: [], report: 1 })}\n`))).toBeUndefined();
    expect(readRunRecord(at('shape', `${JSON.stringify({ format: RECORD_FORMAT, key: 'k', stats: ['1'], report: 1 })}\n`))).toBeUndefined();
    expect(readRunRecord(at('corrupt', '{"format":\n'))).toBeUndefined();
    const good = at('good', `${JSON.stringify({ format: RECORD_FORMAT, key: 'k', stats: [], report: 1 })}\n`);
    expect(readRunRecord(good)).toBeDefined();
    if (process.platform !== 'win32') {
      chmodSync(good, 0o666);
      expect(readRunRecord(good)).toBeUndefined();
    }
  });

  it('holds files unchanged only when as many, in order, each statting as recorded', () => {
    const d = dir();
    const [a, b] = ['a.yaml', 'b.yaml'].map((n) => {
      writeFileSync(path.join(d, n), `name: ${n}\n`);
      return { absolute: path.join(d, n), display: n };
    }) as [{ absolute: string; display: string }, { absolute: string; display: string }];
    const record = { key: 'k', stats: [...row(a.absolute), ...row(b.absolute)], report: 1, text: '' };
    expect(unchanged(record, [a, b], new RunStats())).toBe(true);
    expect(unchanged(record, [b, a], new RunStats())).toBe(false);
    expect(unchanged(record, [a], new RunStats())).toBe(false);
    writeFileSync(b.absolute, 'name: b2\n');
    expect(unchanged(record, [a, b], new RunStats())).toBe(false);
  });
});
