// Tabs: a top-level navigation starts a new visit; a closed tab is forgotten.
import { api } from '../platform.js';
import { located, ready } from './core.js';
import { journal, setPage, scheduleCompaction } from './persist.js';
import { forgetTab } from './warnings.js';
import { endVisit } from './history.js';
import { forgetSpill } from './spill.js';

/** Ends the tab's visit: journaled at once, in arrival order with the requests, then applied. */
function reset(tab) {
  forgetTab(tab);
  journal('reset', tab, []);
  ready.then((core) => {
    try {
      endVisit(core, tab, located);
    } finally {
      core.resetTab(tab);
      forgetSpill(tab);
      scheduleCompaction(core);
    }
  });
}

/** Called from onBeforeRequest for main_frame requests, synchronously. */
export function newVisit(tab, url) {
  setPage(tab, url);
  reset(tab);
}

export function registerTabs() {
  api.tabs.onRemoved.addListener((tab) => {
    setPage(tab, null);
    reset(tab);
  });
}
