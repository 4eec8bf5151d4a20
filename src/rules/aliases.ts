import { isAlias, isCollection, isPair, type Alias, type Document, type Node } from 'yaml';

const lineOf = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * Why editing `node` would also change data elsewhere: it, or a collection holding it, is
 * anchored and an alias of the document reads that anchor (`&m` ... `*m`). Names the anchor
 * and the first such alias with its line; undefined when the edit stays local.
 */
export function sharedReason(doc: Document.Parsed, text: string, node: Node): string | undefined {
  if (!text.includes('&') || !text.includes('*')) return undefined;
  const holders = new Set<Node>();
  const aliases: Alias[] = [];
  const walk = (n: unknown, chain: readonly Node[]): void => {
    if (isAlias(n)) {
      aliases.push(n);
      return;
    }
    if (n === node) for (const h of [...chain, n as Node]) if ((h as { anchor?: string }).anchor) holders.add(h);
    if (!isCollection(n)) return;
    const next = [...chain, n];
    for (const item of n.items as unknown[]) {
      if (isPair(item)) {
        walk(item.key, next);
        walk(item.value, next);
      } else walk(item, next);
    }
  };
  walk(doc.contents, []);
  if (holders.size === 0) return undefined;
  for (const a of aliases) {
    const target = a.resolve(doc);
    if (target && holders.has(target as Node)) {
      const anchor = (target as { anchor?: string }).anchor as string;
      const what = target === node ? `is anchored (&${anchor})` : `is inside the anchored &${anchor}`;
      return `${what}, which the alias *${a.source} at line ${lineOf(text, a.range?.[0] ?? 0)} also uses`;
    }
  }
  return undefined;
}

/** Line (1-based) of an offset, for messages that point at another place of the file. */
export function lineAt(text: string, offset: number): number {
  return lineOf(text, offset);
}
