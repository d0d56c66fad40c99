// Worker-thread entry: register tsx's loader for this thread, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker-run.ts');
