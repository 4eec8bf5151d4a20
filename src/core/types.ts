/**
 * Core data shapes shared by the whole pipeline: edits, findings and per-file results.
 * Offsets are UTF-16 indexes into the file text (as JavaScript strings see it, BOM included);
 * line and column are 1-based and computed only at the output edge.
 */

/** The three modes of a run: report (`--check`), print the diff, or write the files. */
export type RunMode = 'diff' | 'write' | 'check';

/** How bad a finding is. `info` never fails a run. */
export type Severity = 'error' | 'warning' | 'info';

/** Replace `text.slice(start, end)` with `text` (an insertion when start === end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A position in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** One thing a rule (or the parser, or the validator) has to say about a file. */
export interface Finding {
  /** Stable rule id, e.g. `missing-pull-secret`, `schema`, `yaml-syntax`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Offset range of the node concerned in the text the finding was made on. */
  start: number;
  end: number;
  /** Filled in by the engine from `start`/`end`. */
  startPos: Position;
  endPos: Position;
  /** Kubernetes-style field path of the node concerned, e.g. `spec.template.spec`. */
  fieldPath?: string;
  /** `apiVersion`/`kind`/`name` of the object concerned, when there is one. */
  object?: ObjectRef;
  /** Edits that fix this finding; absent when the rule cannot fix it. */
  fix?: TextEdit[];
}

/** Identifies a Kubernetes object inside a file. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** 0-based index of the YAML document in the file. */
  documentIndex: number;
}

/** What processing one file produced. */
export interface FileResult {
  /** Path as given/displayed (relative to cwd when discovered from a directory); `-` for stdin. */
  path: string;
  /** Absolute path on disk, absent for stdin. */
  absolutePath?: string;
  /** The original text (BOM included). */
  source: string;
  /** The fixed text; equal to `source` when nothing changes. */
  output: string;
  /** All findings, sorted by position. Fixable findings are the ones whose `fix` is set. */
  findings: Finding[];
  /** The edits that turn `source` into `output`, when a single pass produced it (for fast diffs). */
  edits?: TextEdit[];
  /**
   * Whether the fix changes the file. Set when `source`/`output` were released after the file
   * was reported (large runs keep only findings); otherwise `output !== source`.
   */
  changed?: boolean;
  /** True when the file was not processed at all (invalid YAML, template, unreadable). */
  skipped: boolean;
  /**
   * Pull secret name -> the namespaces its pods run in once the file is fixed (sorted; `''`
   * for pods left to the namespace `kubectl apply` uses). Absent when no pod uses one.
   */
  pullSecretNamespaces?: Record<string, string[]>;
  /** Set by the writer: whether the file was written, or why not. */
  written?: boolean;
  writeError?: string;
}

/** What a run over many files produced; the input of every reporter. */
export interface RunResult {
  mode: RunMode;
  files: FileResult[];
  /** Wall time of the run in milliseconds. */
  durationMs: number;
}

/** Whether the fix changes a file (see `FileResult.changed`). */
export function isChanged(file: FileResult): boolean {
  return file.changed ?? file.output !== file.source;
}
