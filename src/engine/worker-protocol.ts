/** Messages between the main thread and the worker threads of a parallel run. */
import type { RunSettings } from '../config/resolve.js';
import type { DiscoveredFile } from '../io/discover.js';
import type { InputIndexData } from './input-index.js';
import type { CrdBatch } from './learn-input.js';
import type { FixOptions } from './options.js';
import type { RunMode } from './process-file.js';
import type { FileResult } from './types.js';

/** What every worker gets at start (`workerData`). */
export interface WorkerSetup {
  settings: RunSettings;
  mode: RunMode;
  /** Whether results carry their texts (else `releaseTexts`). */
  keepTexts: boolean;
  /** The run's write gate (`writeGateBuffer()`), so that an interrupt waits for workers' writes. */
  writeGate: SharedArrayBuffer;
}

/** One file to process. */
export interface JobMessage {
  type: 'job';
  id: number;
  file: DiscoveredFile;
  options: FixOptions;
  /** For a CRD file of phase 1: its place among such files (its batch's number). */
  crdIndex?: number;
  /** Whether the file gets a notes record of its own (processed out of the run's order). */
  ownNotes: boolean;
  /** The file's text when the main thread has already read it (else the worker reads it). */
  text?: string;
}

/** The CRD batches of all `count` CRD files, less those the receiving worker made itself. */
export interface CrdsMessage {
  type: 'crds';
  count: number;
  batches: { index: number; batch: CrdBatch }[];
}

/** Main thread -> worker. */
export type ToWorker = { type: 'index'; index: InputIndexData } | JobMessage | CrdsMessage;

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'crds'; index: number; batch: CrdBatch }
  /** `same`: the output is the source (sent once, as `source`). */
  | { type: 'result'; id: number; result: FileResult; same: boolean };
