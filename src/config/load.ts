import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { dataOf, parseSingleDocument } from '../yaml/documents.js';
import { LineCounter } from '../yaml/nodes.js';
import { ConfigError } from './errors.js';
import { explainErrors } from './explain.js';
import { locatePointer } from './locate.js';
import { configValidator } from './schema.js';
import type { ConfigFile, ConfigSettings } from './types.js';

/** Reads, parses and validates a config file; throws `ConfigError` when it cannot be used. */
export async function loadConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${path}: cannot read the config file: ${reason}`, path);
  }
  return parseConfig(text, path);
}

/**
 * Parses and validates config text (no file system access). `path` names the file in messages
 * and sets the directory globs are relative to. An empty file is an empty config. When invalid,
 * the error's message lists every problem as `path:line:column: message`, earliest first, and
 * its `line`/`column`/`key` describe the first one.
 */
export function parseConfig(text: string, path: string): ConfigFile {
  const lineCounter = new LineCounter();
  const doc = parseSingleDocument(text, lineCounter);
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    const reason = syntax.code === 'MULTIPLE_DOCS' ? 'a config file holds a single YAML document' : firstLine(syntax.message);
    throw new ConfigError(`${path}:${line}:${col}: invalid YAML: ${reason}`, path, line, col);
  }
  const data: unknown = dataOf(doc) ?? {};
  const validate = configValidator();
  if (!validate(data)) {
    const problems = explainErrors(validate.errors ?? [], data)
      .map((p) => ({ ...p, ...locatePointer(doc, lineCounter, p.pointer, p.atKey) }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
    const first = problems[0];
    const message = problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`).join('\n');
    throw new ConfigError(message || `${path}: invalid config`, path, first?.line, first?.column, first?.key || undefined);
  }
  const absolute = resolve(path);
  return { path: absolute, dir: dirname(absolute), settings: data as ConfigSettings };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
