/** Messages between the main thread and the worker threads of a parallel run. */
import type { MessagePort } from 'node:worker_threads';
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
  /** Where the main thread sends every CRD batch, in file order. */
  crdPort: MessagePort;
  /** Int32Array over a SharedArrayBuffer: how many batches were sent so far (wakes waiters). */
  sent: Int32Array;
  /** The run's write gate (`writeGateBuffer()`), so that an interrupt waits for workers' writes. */
  writeGate: SharedArrayBuffer;
}

/** One file to process. */
export interface JobMessage {
  type: 'job';
  id: number;
  file: DiscoveredFile;
  options: FixOptions;
  /** For a file that may define CRDs: its place among such files (its batch's number). */
  crdIndex?: number;
  /** How many CRD batches must be learned before the file is linted. */
  needed: number;
}

/** Main thread -> worker. */
export type ToWorker = { type: 'index'; index: InputIndexData } | JobMessage;

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'crds'; index: number; batch: CrdBatch }
  /** `same`: the output is the source (sent once, as `source`). */
  | { type: 'result'; id: number; result: FileResult; same: boolean };
