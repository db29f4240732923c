import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { TypedPrograms } from './engine.js';
import { FileProcessor, type FileResult, type Job } from './process-file.js';

/** Below this many files a worker pool costs more (start-up, plugin load) than it saves. */
const MIN_FILES_PER_WORKER = 40;
const BATCH = 16;

/** How many workers to use: the user's `--workers`, else one per core, never more than the files warrant. */
export function workerCount(requested: number | undefined, files: number): number {
  const wanted = requested ?? availableParallelism();
  return Math.max(1, Math.min(wanted, Math.floor(files / MIN_FILES_PER_WORKER) || 1));
}

/**
 * Processes every file, in this thread or in a pool of worker threads, calling `onResult`
 * as each file finishes (in completion order; callers sort for output).
 */
export async function processFiles(
  files: readonly string[],
  job: Job,
  workers: number,
  onResult: (result: FileResult) => void,
  typed?: TypedPrograms,
): Promise<void> {
  if (typed || workers <= 1 || !canUseWorkers()) {
    // Programs cannot cross threads, so type-aware runs stay here. Between files the event
    // loop runs, so a Ctrl-C is handled promptly rather than after the last file.
    const processor = new FileProcessor(job, typed);
    for (const file of files) {
      onResult(processor.process(file));
      await yieldToEvents();
    }
    return;
  }
  const queue = [...files];
  const workerUrl = new URL('./worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(fileURLToPath(workerUrl), { workerData: job });
        const next = (): void => {
          if (queue.length === 0) {
            worker.postMessage(null);
            return;
          }
          worker.postMessage(queue.splice(0, BATCH));
        };
        worker.on('message', (message: 'ready' | FileResult[]) => {
          if (message !== 'ready') for (const result of message) onResult(result);
          next();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with code ${code}`))));
      }),
    ),
  );
}

/** Workers run the compiled `worker.js`; from TypeScript sources (tests) the main thread does the work. */
function canUseWorkers(): boolean {
  return import.meta.url.endsWith('.js');
}
