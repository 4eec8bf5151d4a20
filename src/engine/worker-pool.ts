/**
 * Worker threads for a parallel run: jobs are handed out in the order submitted (at most a few
 * per worker at a time, so a big file does not hold up a queue), results come back as promises.
 * The pool also relays CRD knowledge: it keeps the batch each CRD file reported and, on
 * `shareCrds`, sends every worker those it did not make itself.
 */
import { Worker } from 'node:worker_threads';
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
  /** The slot this job should run on (see `submit`). */
  prefer?: Slot;
  resolve: (result: FileResult) => void;
}

interface Slot {
  worker: Worker;
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
  /** Each CRD file's batch (by its number), and the worker that made it. */
  private readonly batches = new Map<number, { batch: CrdBatch; from: Slot | undefined }>();
  private nextId = 0;
  /** Affinity hint -> the slot its files go to (assigned in turn on first sight). */
  private readonly affinity = new Map<string, Slot>();

  /** Number of worker threads. */
  get size(): number {
    return this.slots.length;
  }

  constructor(size: number, settings: RunSettings, readonly mode: RunMode, readonly keepTexts: boolean) {
    const entry = workerEntry();
    for (let i = 0; i < size; i++) {
      const setup: WorkerSetup = { settings, mode, keepTexts, writeGate: writeGateBuffer() };
      const worker = new Worker(entry.url, { workerData: setup, ...(entry.execArgv && { execArgv: entry.execArgv }) });
      const slot: Slot = { worker, running: new Map(), alive: true };
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
   * Queues one file. `crdIndex` numbers a CRD file of phase 1 (it learns its own CRDs and
   * reports them); `ownNotes` gives the file a notes record of its own (see `withOwnNotes`);
   * files with the same `affinity` run on the same worker (each worker still runs its jobs in
   * the order submitted); `text` is the file's text when already read. Never rejects: failures come back as results.
   */
  submit(file: DiscoveredFile, options: FixOptions, how: { crdIndex?: number; ownNotes: boolean; affinity?: string; text?: string }): Promise<FileResult> {
    return new Promise((resolve) => {
      const message: JobMessage = { type: 'job', id: this.nextId++, file, options, ownNotes: how.ownNotes };
      if (how.crdIndex !== undefined) message.crdIndex = how.crdIndex;
      if (how.text !== undefined) message.text = how.text;
      const job: Job = { message, resolve };
      if (how.affinity !== undefined) {
        let slot = this.affinity.get(how.affinity);
        if (!slot) {
          slot = this.slots[this.affinity.size % this.slots.length] as Slot;
          this.affinity.set(how.affinity, slot);
        }
        job.prefer = slot;
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Teaches every worker CRD batches known without processing their files (the result cache). */
  learnCrds(batches: readonly CrdBatch[]): void {
    const message: ToWorker = { type: 'crds', count: batches.length, batches: batches.map((batch, index) => ({ index, batch })) };
    for (const slot of this.slots) if (slot.alive) slot.worker.postMessage(message);
  }

  /**
   * Once every CRD file of phase 1 is done: sends each worker the batches of the others, and
   * returns all `count` batches in order (empty for a file that reported none).
   */
  shareCrds(count: number): CrdBatch[] {
    const all = Array.from({ length: count }, (_, i) => this.batches.get(i)?.batch ?? { crds: [], defines: [], uses: [] });
    for (const slot of this.slots) {
      if (!slot.alive) continue;
      const batches = all.flatMap((batch, index) => (this.batches.get(index)?.from === slot ? [] : [{ index, batch }]));
      const message: ToWorker = { type: 'crds', count, batches };
      slot.worker.postMessage(message);
    }
    this.batches.clear();
    return all;
  }

  /** Stops every worker (after the last result, or when the run is abandoned). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    for (let found = true; found && this.queue.length > 0;) {
      found = false;
      const free = this.slots.filter((s) => s.alive && s.running.size < PER_WORKER).sort((a, b) => a.running.size - b.running.size);
      for (const slot of free) {
        const at = this.queue.findIndex((j) => j.prefer === undefined || j.prefer === slot || !j.prefer.alive);
        if (at === -1) continue;
        const [job] = this.queue.splice(at, 1) as [Job];
        slot.running.set(job.message.id, job);
        slot.worker.postMessage(job.message);
        found = true;
        break;
      }
    }
    if (!this.slots.some((s) => s.alive)) {
      for (const job of this.queue.splice(0)) this.fail(job, 'no worker thread left to process this file');
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'crds') {
      this.batches.set(m.index, { batch: m.batch, from: slot });
      return;
    }
    const job = slot.running.get(m.id);
    if (!job) return;
    slot.running.delete(m.id);
    job.resolve(m.same ? { ...m.result, output: m.result.source } : m.result);
    this.dispatch();
  }

  private fail(job: Job, why: string): void {
    const { file } = job.message;
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
