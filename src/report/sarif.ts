import type { Log, Region, ReportingDescriptor, Result } from 'sarif';
import type { FileResult, Finding, RunResult, Severity } from '../core/types.js';
import { RULES } from '../rules/catalog.js';
import { artifactLocation, type ArtifactLocation } from './artifact-uri.js';
import { hasUnreportedWriteError, isFixed } from './counts.js';
import { createPositionMapper, type PositionMapper } from '../yaml/positions.js';
import { toolInfo } from './tool-info.js';
import { runSecretNamespaces } from './secret-namespaces.js';

/** Options of the SARIF reporter. */
export interface SarifOptions {
  /** Directory absolute file paths are made relative to (normally the repository root / cwd). */
  cwd?: string;
}

/** The SARIF 2.1.0 schema URI written into `$schema`. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF 2.1.0 objects, as `@types/sarif` defines them. */
export type SarifLog = Log;
type SarifLevel = NonNullable<Result['level']>;

/** Maps a privreg-fix severity to a SARIF level. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/**
 * Builds a SARIF 2.1.0 log with one run. `rules` lists every catalog rule (plus any other rule id
 * that occurs), results point at real regions, and fixable findings carry their edits as
 * `fixes` (an insertion is an empty `deletedRegion`). Findings already fixed by `--write` are
 * left out: they are no longer problems.
 */
export function buildSarif(run: RunResult, opts: SarifOptions = {}): SarifLog {
  const tool = toolInfo();
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: pascalCase(r.id),
    shortDescription: { text: r.description },
    helpUri: `${tool.informationUri}#${r.docs.split('#')[1] ?? ''}`,
    defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
    properties: { fixable: r.fixable },
  }));
  const indexOf = (id: string): number => {
    let i = rules.findIndex((r) => r.id === id);
    if (i === -1) i = rules.push({ id }) - 1;
    return i;
  };
  const results: Result[] = [];
  const pullSecrets = runSecretNamespaces(run.files);
  for (const file of run.files) {
    const location = artifactLocation(file.path, opts.cwd);
    const mapper = createPositionMapper(file.source);
    for (const finding of file.findings) {
      if (isFixed(run, file, finding)) continue;
      results.push(sarifResult(finding, indexOf(finding.ruleId), location, mapper));
    }
    if (hasUnreportedWriteError(file)) results.push(writeErrorResult(file, indexOf('write-error'), location));
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: tool.name, version: tool.version, semanticVersion: tool.version,
        informationUri: tool.informationUri, rules,
      } },
      columnKind: 'utf16CodeUnits',
      results,
      ...(pullSecrets.length > 0 ? { properties: { pullSecrets } } : {}),
    }],
  };
}

/** The SARIF log as text, two-space indented, ending in a newline. */
export function formatSarif(run: RunResult, opts: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(run, opts), null, 2)}\n`;
}

function sarifResult(f: Finding, ruleIndex: number, location: ArtifactLocation, mapper: PositionMapper): Result {
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: {
      artifactLocation: location,
      region: { startLine: f.startPos.line, startColumn: f.startPos.column, endLine: f.endPos.line, endColumn: f.endPos.column },
    } }],
  };
  if (f.fix && f.fix.length > 0) {
    result.fixes = [{
      description: { text: `Fix ${f.ruleId} (what privreg-fix --write does)` },
      artifactChanges: [{
        artifactLocation: location,
        replacements: f.fix.map((e) => ({
          deletedRegion: regionOf(mapper, e.start, e.end),
          insertedContent: { text: e.text },
        })),
      }],
    }];
  }
  const properties: Record<string, unknown> = {};
  if (f.fieldPath !== undefined) properties.fieldPath = f.fieldPath;
  if (f.object !== undefined) properties.object = f.object;
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

function writeErrorResult(file: FileResult, ruleIndex: number, location: ArtifactLocation): Result {
  return {
    ruleId: 'write-error', ruleIndex, level: 'error',
    message: { text: `could not write the file: ${file.writeError ?? ''}` },
    locations: [{ physicalLocation: { artifactLocation: location } }],
  };
}

/** Region of an offset range; start === end gives the empty region SARIF uses for an insertion. */
function regionOf(mapper: PositionMapper, start: number, end: number): Region {
  const s = mapper.positionAt(start);
  const e = mapper.positionAt(end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

function pascalCase(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
