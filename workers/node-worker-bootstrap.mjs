// Loads the TypeScript worker under tsx, for running the CLI straight from source (npm run simulate).
import { register } from 'tsx/esm/api';

register();
await import('./simulation.node-worker.ts');
