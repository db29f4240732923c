import { parentPort, workerData } from 'node:worker_threads';
import { FileProcessor, type Job } from './process-file.js';

// A worker thread: one engine, files in batches from the main thread, results back.
const processor = new FileProcessor(workerData as Job);
parentPort!.on('message', (batch: string[] | null) => {
  if (batch === null) {
    process.exit(0);
  }
  parentPort!.postMessage(batch.map((file) => processor.process(file)));
});
parentPort!.postMessage('ready');
