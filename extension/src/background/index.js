// Background: a table of contents. Every listener is registered here, on the
// first tick (MV3 requires it); each awaits the core's `ready` promise itself.
import { timing } from './timing.js';
import { registerRequests, observeDetails, ignored } from './requests.js';
import { registerTabs } from './tabs.js';
import { registerMessages } from './messages.js';
import { located, ready } from './core.js';
import { ended, expireHistory } from './history.js';
import { PACKS, packSource } from './packs.js';

registerRequests();
registerTabs();
registerMessages();
located.catch((e) => console.error('Borderline core failed to start', e));
expireHistory();

// For the end-to-end tests and for debugging from the worker's console.
globalThis.borderline = { ready, located, ended, timing, packs: PACKS, packSource, observeDetails, ignored };
