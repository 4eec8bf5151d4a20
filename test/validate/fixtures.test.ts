import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidation, type ExpectedDocument } from './fixture-runner.js';

const root = new URL('../../fixtures/validate/', import.meta.url).pathname;
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, 'input.yaml')));

describe('validation fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const input = readFileSync(join(root, name, 'input.yaml'), 'utf8');
    const actual = await runValidation(input);
    const expectedPath = join(root, name, 'expected.json');
    // UPDATE_FIXTURES=1 writes the current output, to be reviewed by hand before committing.
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedDocument[];
    expect(actual).toEqual(expected);
  });
});
