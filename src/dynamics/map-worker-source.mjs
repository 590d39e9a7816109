// Worker entry used when the library runs from its TypeScript sources (tests, tsx scripts):
// registers tsx in this thread, then loads the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./map-worker.ts');
