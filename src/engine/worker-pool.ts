/**
 * Worker threads for a parallel run: jobs are handed out in the order submitted (at most a few
 * per worker at a time, so a big file does not hold up a queue), results come back as promises.
 * The pool also relays CRD knowledge: each CRD file's batch is broadcast to every worker, in
 * file order, as soon as it and those before it are known.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { RunSettings } from '../config/resolve.js';
import { writeGateBuffer } from '../io/write-atomic.js';
import type { DiscoveredFile } from '../io/discover.js';
import type { InputIndexData } from './input-index.js';
import type { CrdBatch } from './learn-input.js';
import type { FixOptions } from './options.js';
import { failedResult, type RunMode } from './process-file.js';
import type { FileResult } from './types.js';
import type { FromWorker, JobMessage, ToWorker, WorkerSetup } from './worker-protocol.js';

/** Jobs sent to one worker ahead of its results. */
const PER_WORKER = 2;

interface Job {
  message: JobMessage;
  resolve: (result: FileResult) => void;
}

interface Slot {
  worker: Worker;
  crdPort: MessagePort;
  running: Map<number, Job>;
  alive: boolean;
}

/** The worker module next to this one: built JS, or TypeScript under tsx/vitest. */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(typescript ? './worker.ts' : './worker.js', import.meta.url);
  return typescript ? { url, execArgv: ['--import', 'tsx'] } : { url };
}

/** A fixed set of worker threads, each with its own engine. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly sent = new Int32Array(new SharedArrayBuffer(4));
  private readonly batches = new Map<number, CrdBatch>();
  private readonly batchSeen = new Set<number>();
  private nextBatch = 0;
  private nextId = 0;

  /** Number of worker threads. */
  get size(): number {
    return this.slots.length;
  }

  constructor(size: number, settings: RunSettings, mode: RunMode, keepTexts: boolean) {
    const entry = workerEntry();
    for (let i = 0; i < size; i++) {
      const channel = new MessageChannel();
      const setup: WorkerSetup = { settings, mode, keepTexts, crdPort: channel.port2, sent: this.sent, writeGate: writeGateBuffer() };
      const worker = new Worker(entry.url, { workerData: setup, transferList: [channel.port2], ...(entry.execArgv && { execArgv: entry.execArgv }) });
      const slot: Slot = { worker, crdPort: channel.port1, running: new Map(), alive: true };
      worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
      worker.on('error', () => undefined);
      worker.on('exit', (code) => this.onExit(slot, code));
      this.slots.push(slot);
    }
  }

  /** Gives every worker the facts of the pre-pass; call before submitting jobs. */
  start(index: InputIndexData): void {
    const message: ToWorker = { type: 'index', index };
    for (const slot of this.slots) slot.worker.postMessage(message);
  }

  /**
   * Queues one file. `crdIndex` numbers the files that may define CRDs (submitted first, in
   * order); `needed` is how many CRD batches the file must see (its own number for a CRD file,
   * all of them for the others). Never rejects: failures come back as results.
   */
  submit(file: DiscoveredFile, options: FixOptions, crdIndex: number | undefined, needed: number): Promise<FileResult> {
    return new Promise((resolve) => {
      const message: JobMessage = { type: 'job', id: this.nextId++, file, options, needed };
      if (crdIndex !== undefined) message.crdIndex = crdIndex;
      this.queue.push({ message, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker (after the last result, or when the run is abandoned). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map(async (slot) => {
      slot.crdPort.close();
      await slot.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots) {
        if (slot.alive && slot.running.size < PER_WORKER && (!best || slot.running.size < best.running.size)) best = slot;
      }
      if (!best) break;
      const job = this.queue.shift() as Job;
      best.running.set(job.message.id, job);
      best.worker.postMessage(job.message);
    }
    if (!this.slots.some((s) => s.alive)) {
      for (const job of this.queue.splice(0)) this.fail(job, 'no worker thread left to process this file');
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'crds') {
      this.addBatch(m.index, m.batch);
      return;
    }
    const job = slot.running.get(m.id);
    if (!job) return;
    slot.running.delete(m.id);
    job.resolve(m.same ? { ...m.result, output: m.result.source } : m.result);
    this.dispatch();
  }

  /** Records a batch and broadcasts every batch whose predecessors are all out. */
  private addBatch(index: number, batch: CrdBatch): void {
    if (this.batchSeen.has(index)) return;
    this.batchSeen.add(index);
    this.batches.set(index, batch);
    for (let next = this.batches.get(this.nextBatch); next !== undefined; next = this.batches.get(this.nextBatch)) {
      this.batches.delete(this.nextBatch++);
      for (const slot of this.slots) if (slot.alive) slot.crdPort.postMessage(next);
      Atomics.add(this.sent, 0, 1);
      Atomics.notify(this.sent, 0);
    }
  }

  private fail(job: Job, why: string): void {
    const { file, crdIndex } = job.message;
    // A CRD file that never reported still owes the others its (empty) batch.
    if (crdIndex !== undefined) this.addBatch(crdIndex, { kinds: [], schemas: [] });
    job.resolve(failedResult(file, 'internal-error', `${why}; the file is left unchanged. Please report this as a bug`));
  }

  private onExit(slot: Slot, code: number): void {
    if (!slot.alive) return;
    slot.alive = false;
    const running = [...slot.running.values()];
    slot.running.clear();
    for (const job of running) this.fail(job, `the worker thread processing this file stopped (exit code ${code})`);
    this.dispatch();
  }
}
