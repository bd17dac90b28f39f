// How webRequest details from Chromium and from Firefox are read: the origin
// that made a request (Chromium's `initiator`; Firefox's `documentUrl`, else
// `originUrl`, which for a worker's request is the worker's script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initiatorOf } from '../../extension/src/background/initiator.js';

test('the initiating origin, from either browser', () => {
  // Chromium: the initiator is already an origin.
  assert.equal(initiatorOf({ initiator: 'https://www.tiktok.com' }), 'https://www.tiktok.com');
  // Firefox, a page's subresource: the document it is for.
  assert.equal(initiatorOf({ documentUrl: 'https://www.tiktok.com/foryou?lang=en', originUrl: 'https://www.tiktok.com/foryou?lang=en' }), 'https://www.tiktok.com');
  // Firefox, a service worker's request (tab -1, no document): the worker's script.
  assert.equal(initiatorOf({ originUrl: 'https://www.tiktok.com/sw.js' }), 'https://www.tiktok.com');
  // Not from the web (the extension itself, about: pages) or nothing given: none.
  assert.equal(initiatorOf({ originUrl: 'moz-extension://5b0a1c3e/popup/popup.html' }), '');
  assert.equal(initiatorOf({ documentUrl: 'about:blank' }), '');
  assert.equal(initiatorOf({ documentUrl: 'not a url' }), '');
  assert.equal(initiatorOf({}), '');
  // Hostile values are not thrown on.
  assert.equal(initiatorOf({ initiator: 42, documentUrl: { toString: () => 'x' } }), '');
});
