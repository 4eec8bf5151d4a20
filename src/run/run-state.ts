import type { FixOptions } from '../core/options.js';
import type { FileResult, RunMode } from '../core/types.js';
import type { LearningEngine } from '../engine/learn-input.js';
import type { DiscoveredFile } from '../io/discover.js';
import type { InputIndex } from '../rules/index-data.js';
import type { ManifestFile } from '../yaml/parse.js';
import type { PrereadTexts } from './preread-texts.js';
import type { ResultCache } from './result-cache.js';

/** What the phases of one run share (see `runFiles`). */
export interface Run {
  /** The engine, once made (a fully cached run never makes it, see `LazyEngine`). */
  engine: LearningEngine | undefined;
  /** The run's index: the engine's, once it is made. */
  index: InputIndex;
  mode: RunMode;
  optionsFor: (file: DiscoveredFile) => FixOptions;
  texts: PrereadTexts;
  keepTexts: boolean;
  cache: ResultCache | undefined;
  /** Files whose stored result is valid (parsed again at their turn: kept parsed, all would live to the end). */
  hits: Set<DiscoveredFile>;
  /** Results of CRD files fixed from the parse that taught the run their CRDs (see `learnCrds`). */
  held: Map<DiscoveredFile, FileResult>;
  /** Characters of text the held results keep (bounded by `HELD_TEXT_BUDGET`). */
  heldChars: number;
  /** Parses the pre-pass made for the index, kept for the file's next use (see `HELD_PARSE_BUDGET`). */
  parses: Map<DiscoveredFile, ManifestFile>;
  /** Characters of text of the kept parses. */
  parseChars: number;
}

/** A run whose engine is made. */
export type FixingRun = Run & { engine: LearningEngine };

/** The kept parse of `file` when it is of `text` (given out once). */
export function takeParse(file: DiscoveredFile, text: string | undefined, run: Run): ManifestFile | undefined {
  const parsed = run.parses.get(file);
  if (parsed === undefined) return undefined;
  run.parses.delete(file);
  run.parseChars -= parsed.text.length;
  return parsed.text === text ? parsed : undefined;
}
