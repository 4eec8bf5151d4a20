import { isMap } from 'yaml';
import type { DiscoveredFile } from '../io/discover.js';
import { readText, ReadError } from '../io/read-text.js';
import { writeAtomic } from '../io/write-atomic.js';
import { kindFromCrd } from '../kinds/crd-kinds.js';
import { parseManifest } from '../manifest/parse.js';
import { stringAt } from '../manifest/objects.js';
import type { Engine } from './fix-text.js';
import { fixText } from './fix-text.js';
import type { FixOptions } from './options.js';
import type { FileResult } from './types.js';

/** What to do with each file once fixed. */
export type RunMode = 'diff' | 'write' | 'check';

const CRD_HINT = /^kind:\s*["']?CustomResourceDefinition\b/m;

/** Registers the CustomResourceDefinitions found in a text with the engine's kind tables (and validator). */
export function registerCrds(text: string, engine: Engine & { onCrd?: (crd: unknown) => void }): void {
  if (!CRD_HINT.test(text)) return;
  const file = parseManifest('', text);
  if (file.errors.length > 0) return;
  for (const doc of file.docs) {
    const root = doc.contents;
    if (!isMap(root) || stringAt(root, 'kind') !== 'CustomResourceDefinition') continue;
    const data = doc.toJS() as unknown;
    const kind = kindFromCrd(data);
    if (kind) engine.kinds.addCrdKind(kind);
    engine.onCrd?.(data);
  }
}

function failed(file: DiscoveredFile, message: string, ruleId = 'read-error'): FileResult {
  return {
    path: file.display,
    absolutePath: file.absolute,
    source: '',
    output: '',
    skipped: true,
    findings: [{ ruleId, severity: 'error', message, start: 0, end: 0, startPos: { line: 1, column: 1 }, endPos: { line: 1, column: 1 } }],
  };
}

/**
 * Processes files one after the other: read, fix (and, in write mode, write back when changed
 * and nothing blocks it). CRDs of every file are registered first so that any file's custom
 * resources are understood. Each file's failure is its own; the run goes on.
 */
export async function runFiles(
  files: readonly DiscoveredFile[],
  optionsFor: (file: DiscoveredFile) => FixOptions,
  engine: Engine & { onCrd?: (crd: unknown) => void },
  mode: RunMode,
): Promise<FileResult[]> {
  for (const file of files) {
    const text = await readText(file.absolute).catch(() => undefined);
    if (text !== undefined) registerCrds(text, engine);
  }
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readText(file.absolute);
    } catch (e) {
      results.push(failed(file, `cannot read: ${e instanceof ReadError ? e.message : String(e)}`));
      continue;
    }
    const result = fixText(file.display, text, optionsFor(file), engine);
    result.absolutePath = file.absolute;
    if (mode === 'write' && result.output !== result.source) {
      try {
        await writeAtomic(file.absolute, result.output);
        result.written = true;
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        result.written = false;
        result.writeError = err.code ?? err.message;
        result.findings.push({
          ruleId: 'write-error', severity: 'error',
          message: `cannot write (${result.writeError}); the file is unchanged`,
          start: 0, end: 0, startPos: { line: 1, column: 1 }, endPos: { line: 1, column: 1 },
        });
      }
    }
    results.push(result);
  }
  return results;
}
