import { describe, expect, it } from 'vitest';
import { Document, isNode, isPair, isScalar, Pair, Scalar, stringify } from 'yaml';
import { newPair, newScalar } from '../../src/yaml/package.js';

const NODE_TYPE = Symbol.for('yaml.node.type');

describe('the fast composer\'s node makers', () => {
  it('make scalars the yaml package takes for its own', () => {
    const made = newScalar('x');
    const real = new Scalar('x');
    expect(isScalar(made)).toBe(true);
    expect(isNode(made)).toBe(true);
    expect(isPair(made)).toBe(false);
    expect(made).toBeInstanceOf(Scalar);
    expect(made.constructor).toBe(Scalar);
    expect((made as unknown as Record<symbol, unknown>)[NODE_TYPE]).toBe((real as unknown as Record<symbol, unknown>)[NODE_TYPE]);
    expect(Object.keys(made)).toEqual(Object.keys(real));
    expect(Object.getOwnPropertySymbols(made)).toEqual([]);
    made.range = [0, 1, 1];
    const copy = made.clone();
    expect(isScalar(copy)).toBe(true);
    expect(copy.range).toEqual([0, 1, 1]);
    expect(copy.range).not.toBe(made.range);
    expect(String(made)).toBe('x');
  });

  it('make pairs the yaml package takes for its own', () => {
    const made = newPair(newScalar('k'), newScalar(1));
    const real = new Pair(new Scalar('k'), new Scalar(1));
    expect(isPair(made)).toBe(true);
    expect(isScalar(made)).toBe(false);
    expect(made).toBeInstanceOf(Pair);
    expect(Object.keys(made)).toEqual(Object.keys(real));
    expect(isPair(made.clone())).toBe(true);
  });

  it('make nodes that convert and print as the package\'s own do', () => {
    const doc = new Document({});
    const map = doc.contents as unknown as { items: unknown[] };
    map.items.push(newPair(newScalar('name'), newScalar('web')), newPair(newScalar('n'), newScalar(3)));
    expect(doc.toJS()).toEqual({ name: 'web', n: 3 });
    expect(String(doc)).toBe('name: web\nn: 3\n');
    expect(stringify(newScalar('a: b'))).toBe('"a: b"\n');
  });
});
