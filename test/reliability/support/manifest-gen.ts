import fc from 'fast-check';

/**
 * Generates Kubernetes manifests over the layouts real files use (indent 2/4, indented or
 * compact sequences, block and flow maps, comments everywhere, quoting styles, anchors and
 * aliases, block scalars, CRLF, BOM, final newline or not, several documents), together with
 * the plain data the text must parse to and the data privreg-fix must turn it into.
 *
 * Top-level layout choices are fast-check values (they shrink); per-node choices come from a
 * seeded generator, so a counterexample is reproduced exactly by its printed layout and seed.
 */

/** The fix options every generated case is run with. */
export const GEN_NAMESPACE = 'demo';
export const GEN_SECRET = 'regcred';

/** File-wide layout choices. */
export interface Layout {
  indent: 2 | 4;
  /** `key:\n  - a` (indented) or `key:\n- a` (compact). */
  indentedSeqs: boolean;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  /** `---` before the first document. */
  leadingMarker: boolean;
  /** How often comments appear, 0..1. */
  commentRate: number;
  /** How often small maps and lists are written in flow style, 0..1. */
  flowRate: number;
  docs: number;
  seed: number;
}

/** A generated case: the text, the data it holds and the data after the fix. */
export interface GeneratedManifest {
  layout: Layout;
  text: string;
  data: unknown[];
  expected: unknown[];
}

/** Arbitrary for file layouts. */
export const layoutArb: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  indentedSeqs: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  leadingMarker: fc.boolean(),
  commentRate: fc.constantFrom(0, 0.2, 0.6),
  flowRate: fc.constantFrom(0, 0.3, 0.8),
  docs: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
});

/** Arbitrary for whole generated manifests. */
export const manifestArb: fc.Arbitrary<GeneratedManifest> = layoutArb.map(generateManifest);

/** mulberry32: small, fast, good enough for layout choices. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Scalar = string | number | boolean | null;
/** A YAML value with the layout choices that concern it. */
type Node =
  | { t: 'scalar'; value: Scalar; block?: '|' | '|-' | '|+'; lines?: string[]; source?: string }
  | { t: 'map'; entries: [string, Node][]; flow?: boolean; anchor?: string }
  | { t: 'seq'; items: Node[]; flow?: boolean }
  | { t: 'alias'; name: string; value: unknown };

const scalar = (value: Scalar): Node => ({ t: 'scalar', value });
const map = (entries: [string, Node][]): Node & { t: 'map' } => ({ t: 'map', entries });
const seq = (items: Node[]): Node => ({ t: 'seq', items });

function toData(n: Node): unknown {
  switch (n.t) {
    case 'scalar':
      return n.value;
    case 'alias':
      return structuredClone(n.value);
    case 'seq':
      return n.items.map(toData);
    case 'map':
      return Object.fromEntries(n.entries.map(([k, v]) => [k, toData(v)]));
  }
}

class Writer {
  private readonly r: () => number;
  private lines: string[] = [];
  private comments = 0;

  constructor(private readonly layout: Layout) {
    this.r = rng(layout.seed);
  }

  chance(p: number): boolean {
    return this.r() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }

  comment(): string {
    return `# c${++this.comments}${this.pick(['', ' note: keep me', ' a: b', ' - item', ' #nested', ' {x}'])}`;
  }

  trailing(): string {
    return this.chance(this.layout.commentRate) ? `${this.pick([' ', '  ', '    '])}${this.comment()}` : '';
  }

  /** Maybe a full-line comment or blank line before a line at `col`. */
  before(col: number): void {
    if (this.chance(this.layout.commentRate * 0.7)) {
      const at = this.chance(0.15) ? 0 : col;
      this.lines.push(`${' '.repeat(at)}${this.comment()}`);
    }
    if (this.chance(this.layout.commentRate * 0.2)) this.lines.push('');
  }

  push(line: string): void {
    this.lines.push(line);
  }

  take(): string[] {
    const out = this.lines;
    this.lines = [];
    return out;
  }

  scalarText(v: Scalar, key: boolean): string {
    if (v === null) return this.pick(['null', '~']);
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return String(v);
    const plainOk = /^[a-z][a-z0-9.\-/:]*[a-z0-9]$/.test(v) && !/: |:$|#/.test(v) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(v);
    const styles = plainOk ? ['plain', 'plain', 'plain', 'single', 'double'] : ['single', 'double'];
    const style = key ? (plainOk && this.chance(0.9) ? 'plain' : this.pick(styles)) : this.pick(styles);
    if (style === 'plain') return v;
    if (style === 'single') return `'${v.replace(/'/g, "''")}'`;
    return JSON.stringify(v);
  }

  flowText(n: Node): string {
    switch (n.t) {
      case 'scalar':
        return n.source ?? this.scalarText(n.value, false);
      case 'alias':
        return `*${n.name}`;
      case 'seq':
        return n.items.length === 0 ? '[]' : `[${n.items.map((i) => this.flowText(i)).join(', ')}]`;
      case 'map': {
        const body = n.entries.map(([k, v]) => `${this.scalarText(k, true)}: ${this.flowText(v)}`).join(', ');
        const anchor = n.anchor ? `&${n.anchor} ` : '';
        return n.entries.length === 0 ? `${anchor}{}` : `${anchor}{${this.pick(['', ' '])}${body}${this.pick(['', ' '])}}`;
      }
    }
  }

  /** Writes `key: value` at column `col`; `prefix` replaces the indentation (for `- ` items). */
  entry(col: number, key: string, v: Node, prefix?: string): void {
    const lead = prefix ?? ' '.repeat(col);
    const k = `${lead}${this.scalarText(key, true)}:`;
    const { indent, indentedSeqs } = this.layout;
    if (v.t === 'scalar' && v.block) {
      this.push(`${k} ${v.block}${this.trailing()}`);
      for (const l of v.lines ?? []) this.push(l === '' ? '' : `${' '.repeat(col + indent)}${l}`);
      return;
    }
    if (v.t === 'scalar' && v.value === null && this.chance(0.5)) {
      this.push(`${k}${this.trailing()}`);
      return;
    }
    if (v.t === 'scalar' || v.t === 'alias' || v.flow || (v.t === 'map' && v.entries.length === 0) || (v.t === 'seq' && v.items.length === 0)) {
      this.push(`${k} ${this.flowText(v)}${this.trailing()}`);
      return;
    }
    if (v.t === 'map') {
      this.push(`${k}${v.anchor ? ` &${v.anchor}` : ''}${this.trailing()}`);
      this.mapBody(col + indent, v);
      return;
    }
    this.push(`${k}${this.trailing()}`);
    this.seqBody(indentedSeqs ? col + indent : col, v);
  }

  mapBody(col: number, m: Node & { t: 'map' }, firstPrefix?: string): void {
    m.entries.forEach(([key, v], i) => {
      if (i > 0 || firstPrefix === undefined) this.before(col);
      this.entry(col, key, v, i === 0 ? firstPrefix : undefined);
    });
  }

  seqBody(col: number, s: Node & { t: 'seq' }): void {
    for (const item of s.items) {
      this.before(col);
      const dash = `${' '.repeat(col)}- `;
      if (item.t === 'map' && !item.flow && item.entries.length > 0) {
        this.mapBody(col + 2, item, dash);
      } else {
        this.push(`${dash}${this.flowText(item)}${this.trailing()}`);
      }
    }
  }
}

interface DocModel {
  root: Node & { t: 'map' };
  namespaced: boolean;
  /** Paths of pod specs in the data. */
  podSpecs: string[][];
}

function container(w: Writer, i: number): Node {
  const image = w.pick(['nginx:1.25', 'registry.example.com:5000/web:1.4.2', 'ghcr.io/org/app@sha256:' + 'a'.repeat(64), 'busybox']);
  const entries: [string, Node][] = [['name', scalar(`c${i}`)], ['image', scalar(image)]];
  if (w.chance(0.3)) entries.push(['args', { t: 'seq', items: [scalar('--port=8080'), scalar('a # not a comment')], flow: w.chance(0.5) }]);
  if (w.chance(0.3)) entries.push(['ports', seq([map([['containerPort', scalar(8080)]])])]);
  if (w.chance(0.2)) w.pick([() => entries.reverse(), () => undefined])();
  return map(entries);
}

function podSpec(w: Writer, flowRate: number): Node & { t: 'map' } {
  const containers = seq(Array.from({ length: w.pick([1, 1, 2]) }, (_, i) => container(w, i)));
  const entries: [string, Node][] = [['containers', containers]];
  const existing = w.pick(['none', 'none', 'none', 'has', 'other', 'empty-flow', 'null']);
  const ips = (names: string[]): Node => ({ t: 'seq', items: names.map((n) => map([['name', scalar(n)]])), flow: w.chance(flowRate) });
  const ipsNode: Node | undefined = existing === 'has' ? ips([GEN_SECRET]) : existing === 'other' ? ips(['other']) : existing === 'empty-flow' ? { t: 'seq', items: [], flow: true } : existing === 'null' ? scalar(null) : undefined;
  if (ipsNode) entries[w.chance(0.5) ? 'push' : 'unshift'](['imagePullSecrets', ipsNode]);
  if (w.chance(0.3)) entries.push(['restartPolicy', scalar('Always')]);
  if (w.chance(0.2)) entries.push(['nodeSelector', { t: 'map', entries: [['disk', scalar('ssd')]], flow: w.chance(flowRate) }]);
  return map(entries);
}

function metadata(w: Writer, name: string, namespaced: boolean, flowRate: number, labels?: Node): Node & { t: 'map' } {
  const entries: [string, Node][] = [['name', scalar(name)]];
  if (namespaced && w.chance(0.25)) entries.push(['namespace', scalar(GEN_NAMESPACE)]);
  if (labels) entries.push(['labels', labels]);
  if (w.chance(0.2)) entries.push(['annotations', map([['note', scalar('x: y # z')]])]);
  if (w.chance(0.3)) entries.reverse();
  const m = map(entries);
  if (!labels || labels.t !== 'map' || !labels.anchor) m.flow = w.chance(flowRate * 0.5);
  return m;
}

function docModel(w: Writer, i: number, flowRate: number): DocModel {
  const kind = w.pick(['Deployment', 'Pod', 'CronJob', 'ConfigMap', 'ClusterRole', 'Service']);
  const name = `app-${i}`;
  const labelsValue = { t: 'map' as const, entries: [['app', scalar(name)]] as [string, Node][], flow: w.chance(flowRate) };
  const anchorLabels = w.chance(0.4);
  const labels: Node = anchorLabels ? { ...labelsValue, anchor: `l${i}` } : labelsValue;
  const labelsRef = (): Node => (anchorLabels ? { t: 'alias', name: `l${i}`, value: toData(labelsValue) } : structuredClone(labelsValue));
  switch (kind) {
    case 'Deployment':
      return {
        root: map([
          ['apiVersion', scalar('apps/v1')], ['kind', scalar(kind)],
          ['metadata', metadata(w, name, true, flowRate, labels)],
          ['spec', map([
            ['replicas', scalar(w.pick([1, 2, 3]))],
            ['selector', map([['matchLabels', labelsRef()]])],
            ['template', map([['metadata', map([['labels', labelsRef()]])], ['spec', podSpec(w, flowRate)]])],
          ])],
        ]),
        namespaced: true,
        podSpecs: [['spec', 'template', 'spec']],
      };
    case 'Pod':
      return {
        root: map([['apiVersion', scalar('v1')], ['kind', scalar(kind)], ['metadata', metadata(w, name, true, flowRate, w.chance(0.5) ? labels : undefined)], ['spec', podSpec(w, flowRate)]]),
        namespaced: true,
        podSpecs: [['spec']],
      };
    case 'CronJob':
      return {
        root: map([
          ['apiVersion', scalar('batch/v1')], ['kind', scalar(kind)], ['metadata', metadata(w, name, true, flowRate)],
          ['spec', map([['schedule', scalar('*/5 * * * *')], ['jobTemplate', map([['spec', map([['template', map([['spec', podSpec(w, flowRate)]])]])]])]])],
        ]),
        namespaced: true,
        podSpecs: [['spec', 'jobTemplate', 'spec', 'template', 'spec']],
      };
    case 'ConfigMap': {
      const block = w.pick(['|', '|-', '|+'] as const);
      // YAML 1.1 scalars as Kubernetes reads them: 0644 is octal, yes a boolean, 1_000 a number.
      const [source, value] = w.pick([['value', 'value'], ['yes', true], ['0644', 420], ['1_000', 1000]] as const);
      const data: [string, Node][] = [['plain', { t: 'scalar', value, source }], ['quoted', scalar('has # hash')]];
      const base = ['#!/bin/sh', '# not a comment', 'echo hi'];
      const script = { '|': `${base.join('\n')}\n`, '|-': base.join('\n'), '|+': `${base.join('\n')}\n\n` }[block];
      if (w.chance(0.6)) data.push(['script', { t: 'scalar', value: script, block, lines: block === '|+' ? [...base, ''] : base }]);
      const root = map([['apiVersion', scalar('v1')], ['kind', scalar(kind)], ['metadata', metadata(w, name, true, flowRate)], ['data', map(data)]]);
      return { root, namespaced: true, podSpecs: [] };
    }
    case 'Service':
      return {
        root: map([
          ['apiVersion', scalar('v1')], ['kind', scalar(kind)], ['metadata', metadata(w, name, true, flowRate)],
          ['spec', map([['selector', labelsValue.flow ? { ...structuredClone(labelsValue) } : structuredClone(labelsValue)], ['ports', seq([map([['port', scalar(80)], ['targetPort', scalar(8080)]])])]])],
        ]),
        namespaced: true,
        podSpecs: [],
      };
    default:
      return {
        root: map([
          ['apiVersion', scalar('rbac.authorization.k8s.io/v1')], ['kind', scalar('ClusterRole')], ['metadata', metadata(w, name, false, flowRate)],
          ['rules', seq([map([['apiGroups', { t: 'seq', items: [scalar('')], flow: true }], ['resources', seq([scalar('pods')])], ['verbs', { t: 'seq', items: [scalar('get'), scalar('list')], flow: w.chance(0.5) }]])])],
        ]),
        namespaced: false,
        podSpecs: [],
      };
  }
}

function at(data: unknown, path: string[]): Record<string, unknown> {
  let cur = data as Record<string, unknown>;
  for (const p of path) cur = cur[p] as Record<string, unknown>;
  return cur;
}

/** The data privreg-fix must produce with `-n demo -s regcred`, derived from the model alone. */
function expectedData(model: DocModel, data: unknown): unknown {
  const out = structuredClone(data) as Record<string, unknown>;
  if (model.namespaced) {
    const meta = out.metadata as Record<string, unknown>;
    if (meta.namespace === undefined) meta.namespace = GEN_NAMESPACE;
  }
  for (const p of model.podSpecs) {
    const spec = at(out, p);
    const list = Array.isArray(spec.imagePullSecrets) ? (spec.imagePullSecrets as { name: string }[]) : [];
    if (!list.some((s) => s.name === GEN_SECRET)) spec.imagePullSecrets = [...list, { name: GEN_SECRET }];
  }
  return out;
}

/** Renders one generated case from its layout. */
export function generateManifest(layout: Layout): GeneratedManifest {
  const w = new Writer(layout);
  const lines: string[] = [];
  const data: unknown[] = [];
  const expected: unknown[] = [];
  if (w.chance(layout.commentRate)) lines.push(w.comment());
  for (let i = 0; i < layout.docs; i++) {
    if (i > 0 || layout.leadingMarker) lines.push(`---${w.chance(layout.commentRate * 0.3) ? ` ${w.comment()}` : ''}`);
    const model = docModel(w, i, layout.flowRate);
    w.mapBody(0, model.root);
    lines.push(...w.take());
    if (w.chance(layout.commentRate * 0.5)) lines.push(w.comment());
    const d = toData(model.root);
    data.push(d);
    expected.push(expectedData(model, d));
  }
  let text = `${lines.join('\n')}\n`;
  // A `|+` block scalar keeps trailing newlines: dropping the final one would change the data.
  if (!layout.finalNewline && !/\n\n$/.test(text)) text = text.slice(0, -1);
  if (layout.crlf) text = text.replace(/\n/g, '\r\n');
  if (layout.bom) text = `\uFEFF${text}`;
  return { layout, text, data, expected };
}
