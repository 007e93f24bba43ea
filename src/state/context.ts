import { createContext } from '@lit/context';
import type { AppState } from './app-state.js';
import type { Store } from './store.js';

export const storeContext = createContext<Store<AppState>>(Symbol('dm-store'));
