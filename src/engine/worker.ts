/**
 * Entry of a worker thread of a parallel run (see `worker-pool.ts`): builds its own engine,
 * then fixes the files it is sent one at a time, in the order sent, and posts each result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useWriteGate } from '../io/write-atomic.js';
import type { ManifestFile } from '../manifest/parse.js';
import { createEngine } from './create-engine.js';
import type { Engine } from './fix-text.js';
import { InputIndex } from './input-index.js';
import { crdBatchOf } from './learn-input.js';
import { withOwnNotes } from './note-filter.js';
import { failedResult, processFile, releaseTexts } from './process-file.js';
import type { FileResult } from './types.js';
import { WorkerCrds } from './worker-crds.js';
import type { FromWorker, JobMessage, ToWorker, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread only');
const post = (message: FromWorker): void => port.postMessage(message);
useWriteGate(setup.writeGate);

const engine = await createEngine(setup.settings);
const crds = new WorkerCrds(engine);

async function run(job: JobMessage): Promise<FileResult> {
  const { crdIndex } = job;
  const base = job.ownNotes ? withOwnNotes(engine) : engine;
  if (crdIndex === undefined) return processFile(job.file, job.options, base, setup.mode, job.text);
  let posted = false;
  const learning: Engine = {
    ...base,
    onParsed: (file: ManifestFile) => {
      const batch = crdBatchOf(file, crdIndex, engine.validation !== undefined);
      post({ type: 'crds', index: crdIndex, batch });
      posted = true;
      crds.learnOwn(batch);
    },
  };
  try {
    // In write mode the main thread writes the result once it is kept (see `runParallel`).
    return await processFile(job.file, job.options, learning, setup.mode === 'write' ? 'diff' : setup.mode, job.text);
  } finally {
    // Every CRD file reports a batch, even an empty one.
    if (!posted) post({ type: 'crds', index: crdIndex, batch: { crds: [], defines: [], uses: [] } });
  }
}

async function handle(job: JobMessage): Promise<void> {
  let result: FileResult;
  try {
    result = await run(job);
  } catch (e) {
    result = failedResult(job.file, 'internal-error', `could not process this file: ${e instanceof Error ? e.message : String(e)}. Please report this as a bug`);
  }
  if (!setup.keepTexts && !(setup.mode === 'write' && job.crdIndex !== undefined)) result = releaseTexts(result);
  const same = result.output === result.source && result.source !== '';
  post({ type: 'result', id: job.id, result: same ? { ...result, output: '' } : result, same });
}

// One message at a time, in the order sent: the CRDs of all files are learned before the jobs
// sent after them.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  if (message.type === 'index') {
    engine.index = InputIndex.fromData(message.index);
    return;
  }
  queue = queue.then(() => (message.type === 'crds' ? crds.learnAll(message) : handle(message)));
});
