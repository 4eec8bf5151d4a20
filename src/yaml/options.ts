import type { DocumentOptions, ParseOptions, ScalarTag, SchemaOptions, Tags } from 'yaml';

/**
 * Go's `strconv.ParseInt(s, 0, 64)`, which go-yaml v2 uses for plain scalars, also reads the
 * `0o17` octal spelling (YAML 1.1 only knows `017`).
 */
const goOctal: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  default: true,
  identify: () => false,
  test: /^[-+]?0o[0-7_]+$/,
  resolve(source: string): number {
    const negative = source.startsWith('-');
    const digits = source.replace(/^[-+]?0o/, '').replace(/_/g, '');
    const n = parseInt(digits, 8);
    return negative ? -n : n;
  },
};

/** go-yaml v2 decodes `!!binary` into the string of the decoded bytes. */
const goBinary: ScalarTag = {
  tag: 'tag:yaml.org,2002:binary',
  default: false,
  identify: () => false,
  resolve: (source: string): string => Buffer.from(source.replace(/\s+/g, ''), 'base64').toString('utf8'),
};

/**
 * Tags of the `yaml` package's YAML 1.1 schema that go-yaml v2 does not resolve: timestamps
 * stay strings when decoded into `interface{}` (so `2020-01-01` is the string it looks like),
 * sexagesimal `1:20` is a string, and `!!omap`/`!!pairs`/`!!set` are plain collections.
 */
function isUnknownToGoYaml(tag: Tags[number]): boolean {
  if (typeof tag === 'string') return false;
  if (tag.format === 'TIME') return true;
  return [
    'tag:yaml.org,2002:timestamp',
    'tag:yaml.org,2002:binary',
    'tag:yaml.org,2002:omap',
    'tag:yaml.org,2002:pairs',
    'tag:yaml.org,2002:set',
  ].includes(tag.tag);
}

/**
 * go-yaml v2 reads a plain scalar as a number only when it starts with a digit, a sign or a
 * dot (its `resolveTable` hint), and as a float only when `yamlStyleFloat`
 * (`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, underscores removed first) and
 * `strconv.ParseFloat` accept it (go-yaml v2.4 resolve.go). The YAML 1.1 patterns of the `yaml`
 * package also take `e5`, `-e5`, `.e5` and a lone `.` as floats (NaN); those stay strings here,
 * so an existing `name: e5` reads as the API server reads it.
 */
const GO_EXP_FLOAT = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+)[eE][-+]?[0-9]+$/;
const GO_FLOAT = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9]+)$/;

function asGoYamlV2(tag: Tags[number]): Tags[number] {
  if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:float' || !tag.test || tag.format === 'TIME') return tag;
  if (tag.test.test('e5')) return { ...tag, test: GO_EXP_FLOAT };
  if (tag.test.test('.')) return { ...tag, test: GO_FLOAT };
  return tag;
}

function kubernetesTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => !isUnknownToGoYaml(tag)).map(asGoYamlV2);
  return [...kept, goOctal, goBinary];
}

/**
 * Options for parsing manifests with the `yaml` package so that values decode the way the
 * Kubernetes API server decodes YAML (sigs.k8s.io/yaml over go-yaml v2: YAML 1.1 scalars,
 * `0644` is octal 420, `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `1_000` is 1000,
 * timestamps and `1:20` stay strings, `<<` merge keys apply), and duplicate keys are errors.
 */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: true,
  prettyErrors: false,
  customTags: kubernetesTags,
  // Problems are reported as findings; the yaml package must not print its own warnings
  // (e.g. on collection keys when decoding data) to the user's terminal.
  logLevel: 'error',
};
