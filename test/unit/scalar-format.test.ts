import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatScalar } from '../../src/fix/scalar-format.js';

describe('formatScalar', () => {
  it.each(['demo', 'team-a', 'registry.example.com:5000/library/nginx:1.25', 'app@sha256:abc'])('leaves %s plain', (v) => {
    expect(formatScalar(v)).toBe(v);
  });

  it.each(['yes', 'No', 'on', 'OFF', 'y', 'true', 'null', '~', '0644', '1e3', '12', '0x1F', '1:20', '', '-x', '.inf', 'a b', 'a: b', '#x'])(
    'quotes %j so that YAML 1.1 and 1.2 both read it back as the same string',
    (v) => {
      const out = formatScalar(v);
      expect(out).not.toBe(v);
      expect(parse(`k: ${out}`, { version: '1.1' })).toEqual({ k: v });
      expect(parse(`k: ${out}`, { version: '1.2' })).toEqual({ k: v });
    },
  );

  it('keeps the requested quote style', () => {
    expect(formatScalar("it's", 'single')).toBe("'it''s'");
    expect(formatScalar('x', 'double')).toBe('"x"');
  });
});
