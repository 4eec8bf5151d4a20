import type { Document, Node } from 'yaml';
import { isAlias, isCollection, isMap, isPair, isScalar, type Alias, type YAMLMap } from './package.js';

/** Line (1-based) of an offset, for messages that point at another place of the file. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The aliases of a document that read `node`, or a collection holding it, through its anchor
 * (`&m` ... `*m`): editing `node` would change what they read too. Empty when the edit stays local.
 */
export function aliasesTo(doc: Document.Parsed, node: Node): { alias: Alias; target: Node; mergeInto?: YAMLMap }[] {
  const holders = new Set<Node>();
  const aliases: Alias[] = [];
  const mergeInto = new Map<Alias, YAMLMap>();
  const walk = (n: unknown, chain: readonly Node[]): void => {
    if (isAlias(n)) {
      aliases.push(n);
      const parent = chain[chain.length - 1];
      if (isMap(parent) && parent.items.some((p) => p.value === n && isScalar(p.key) && p.key.source === '<<')) mergeInto.set(n, parent);
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
  if (holders.size === 0) return [];
  const out: { alias: Alias; target: Node; mergeInto?: YAMLMap }[] = [];
  for (const alias of aliases) {
    const target = alias.resolve(doc) as Node | undefined;
    const into = mergeInto.get(alias);
    if (target && holders.has(target)) out.push({ alias, target, ...(into ? { mergeInto: into } : {}) });
  }
  return out;
}

const targetsCache = new WeakMap<Document.Parsed, Set<Node>>();

/** The nodes of a document that some alias reads (computed once per document). */
export function aliasTargets(doc: Document.Parsed): Set<Node> {
  let targets = targetsCache.get(doc);
  if (!targets) {
    targets = new Set();
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const n = stack.pop();
      if (isAlias(n)) {
        const t = n.resolve(doc) as Node | undefined;
        if (t) targets.add(t);
      } else if (isCollection(n)) {
        for (const item of n.items as unknown[]) {
          if (isPair(item)) stack.push(item.key, item.value);
          else stack.push(item);
        }
      }
    }
    targetsCache.set(doc, targets);
  }
  return targets;
}

/** Whether anything in `node`'s document reads it through an alias (cheap when the text has no `&`). */
export function isShared(doc: Document.Parsed, text: string | undefined, node: Node): boolean {
  if (text !== undefined && (!text.includes('&') || !text.includes('*'))) return false;
  return aliasesTo(doc, node).length > 0;
}

/**
 * Why editing `node` would also change data elsewhere, naming the anchor and the first alias
 * that reads it with its line; undefined when the edit stays local.
 */
export function sharedReason(doc: Document.Parsed, text: string, node: Node): string | undefined {
  if (!text.includes('&') || !text.includes('*')) return undefined;
  const first = aliasesTo(doc, node)[0];
  if (!first) return undefined;
  const anchor = (first.target as { anchor?: string }).anchor as string;
  const what = first.target === node ? `is anchored (&${anchor})` : `is inside the anchored &${anchor}`;
  return `${what}, which the alias *${first.alias.source} at line ${lineAt(text, first.alias.range?.[0] ?? 0)} also uses`;
}
