// Tabs: a top-level navigation starts a new visit; a closed tab is forgotten.
import { api } from '../platform.js';
import { ready } from './core.js';
import { journal, setPage, scheduleCompaction } from './persist.js';
import { forgetTab } from './warnings.js';
import { endVisit } from './history.js';

/** Called from onBeforeRequest for main_frame requests, synchronously. */
export function newVisit(tab, url) {
  setPage(tab, url);
  journal('reset', tab, []);
  forgetTab(tab);
  ready.then((core) => {
    endVisit(core, tab);
    core.resetTab(tab);
  });
}

export function registerTabs() {
  api.tabs.onRemoved.addListener((tab) => {
    setPage(tab, null);
    journal('reset', tab, []);
    forgetTab(tab);
    ready.then((core) => {
      endVisit(core, tab);
      core.resetTab(tab);
      scheduleCompaction(core);
    });
  });
}
