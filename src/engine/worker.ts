/**
 * Entry of a worker thread of a parallel run (see `worker-pool.ts`): builds its own engine,
 * then fixes the files it is sent one at a time, in the order sent, and posts each result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useWriteGate } from '../io/write-atomic.js';
import type { ManifestFile } from '../manifest/parse.js';
import { createEngine } from './create-engine.js';
import { CrdFeed } from './crd-feed.js';
import type { Engine } from './fix-text.js';
import { InputIndex } from './input-index.js';
import { crdBatchOf } from './learn-input.js';
import { failedResult, processFile, releaseTexts } from './process-file.js';
import type { FileResult } from './types.js';
import type { FromWorker, JobMessage, ToWorker, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread only');
const post = (message: FromWorker): void => port.postMessage(message);
useWriteGate(setup.writeGate);

const engine = await createEngine(setup.settings);
const feed = new CrdFeed(setup.crdPort, setup.sent, engine);

async function run(job: JobMessage): Promise<FileResult> {
  const { crdIndex } = job;
  if (crdIndex === undefined) {
    feed.learnUpTo(job.needed);
    return processFile(job.file, job.options, engine, setup.mode);
  }
  let posted = false;
  const learning: Engine = {
    ...engine,
    onParsed: (file: ManifestFile) => {
      const batch = crdBatchOf(file, engine.validation !== undefined);
      post({ type: 'crds', index: crdIndex, batch });
      posted = true;
      feed.learnUpTo(job.needed);
      feed.learnOwn(crdIndex, batch);
    },
  };
  try {
    return await processFile(job.file, job.options, learning, setup.mode);
  } finally {
    // Every CRD file sends one batch, even an empty one: later files wait for it.
    if (!posted) post({ type: 'crds', index: crdIndex, batch: { kinds: [], schemas: [] } });
  }
}

async function handle(job: JobMessage): Promise<void> {
  let result: FileResult;
  try {
    result = await run(job);
  } catch (e) {
    result = failedResult(job.file, 'internal-error', `could not process this file: ${e instanceof Error ? e.message : String(e)}. Please report this as a bug`);
  }
  if (!setup.keepTexts) result = releaseTexts(result);
  const same = result.output === result.source && result.source !== '';
  post({ type: 'result', id: job.id, result: same ? { ...result, output: '' } : result, same });
}

// One file at a time, in the order sent: a file may wait (synchronously) for the CRDs of
// earlier files, which must never be queued behind it in this thread.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  if (message.type === 'index') {
    engine.index = InputIndex.fromData(message.index);
    return;
  }
  queue = queue.then(() => handle(message));
});
