/**
 * A small glob matcher for `overrides` (no dependency: picomatch is only a transitive package
 * here and `path.matchesGlob` is experimental in Node 20). Paths and globs use `/`.
 *
 * - `*` matches any characters but `/`, `?` one such character, `[abc]`/`[a-z]`/`[!a]` a class;
 * - `**` as a whole segment matches any number of directories (zero included);
 * - `{a,b}` alternatives, nestable; `\` escapes the next character;
 * - dot files are matched like any other file;
 * - a glob is matched against the whole relative path, and a glob that matches a directory
 *   matches everything below it (`apps/billing` = `apps/billing/**`), as in .gitignore.
 */
export function compileGlob(glob: string): RegExp {
  const sources = expandBraces(normalizeGlob(glob)).map(globSource);
  return new RegExp(`^(?:${sources.join('|')})(?:/.*)?$`, 'u');
}

// Overrides are matched once per file, so compiled globs are kept (a config has few globs).
const cache = new Map<string, RegExp>();

/** Whether `path` (relative, `/`-separated) matches any of `globs`. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const p = normalizePath(path);
  return globs.some((g) => {
    let re = cache.get(g);
    if (!re) cache.set(g, (re = compileGlob(g)));
    return re.test(p);
  });
}

/** Strips `./` prefixes and a trailing `/`, and turns `\` separators into `/` in paths. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

function normalizeGlob(glob: string): string {
  return glob.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** Expands `{a,b}` groups (nested ones too) into separate globs. */
export function expandBraces(glob: string): string[] {
  const open = findUnescaped(glob, '{', 0);
  if (open === -1) return [glob];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && --depth === 0) {
      const parts: string[] = [];
      let from = open + 1;
      for (const at of [...commas, i]) {
        parts.push(glob.slice(from, at));
        from = at + 1;
      }
      const head = glob.slice(0, open);
      const tails = expandBraces(glob.slice(i + 1));
      return parts.flatMap((p) => expandBraces(head + p)).flatMap((h) => tails.map((t) => h + t));
    }
  }
  // An unbalanced `{` is a literal character.
  return [glob];
}

function findUnescaped(s: string, ch: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function globSource(glob: string): string {
  const segments = glob.split('/').filter((s, i, all) => s !== '' || i === all.length - 1);
  let out = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') out += last ? '.*' : '(?:[^/]*/)*';
    else out += segmentSource(seg) + (last ? '' : '/');
  });
  return out;
}

function segmentSource(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\' && i + 1 < seg.length) out += escapeRegex(seg[++i]!);
    else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = seg.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else out += escapeRegex(c);
  }
  return out;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
