// Reads the capture and renders reports off the main thread, so a 100 MB HAR
// never freezes the page. Messages in: {open, file} | {render, id, site, home, preset, format}.
// A packet capture (PCAP, PCAPNG) is read a slice at a time: it never sits whole in memory.

/** Slice size for packet captures. */
const SLICE = 4 * 1024 * 1024;

async function readPackets(file, progress) {
  const feed = new PacketFeed();
  try {
    for (let at = 0; at < file.size; at += SLICE) {
      let bytes;
      try {
        bytes = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
      } catch (e) {
        throw new Error(`the browser could not read the file past ${at} bytes (${e && e.name || e})`);
      }
      feed.push(bytes);
      progress(Math.min(at + SLICE, file.size), file.size);
    }
    return reader.openPackets(feed);
  } finally {
    feed.free();
  }
}
import init, { HarReader, PacketFeed, pageMessages } from './wasm/borderline_wasm.js';

// The module and the core's data packs (filter engines, IP tables), fetched together.
async function pack(name) {
  const response = await fetch(new URL(`./wasm/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`the page's ${name} could not be loaded (${response.status}); reload the page`);
  return new Uint8Array(await response.arrayBuffer());
}
const ready = Promise.all([init({ module_or_path: new URL('./wasm/borderline_wasm_bg.wasm', import.meta.url) }), pack('lists.bin'), pack('locations.bin')]);
ready.catch(() => {}); // reported with the first message that needs it
// The data is loaded into the core once, when the first file is opened; every
// file after that is read straight away.
let reader = null;
let session = null;

self.onmessage = async ({ data }) => {
  try {
    const [, lists, locations] = await ready;
    if (data.type === 'messages') {
      self.postMessage({ type: 'messages', ...JSON.parse(pageMessages(data.lang)) });
      return;
    }
    reader ??= new HarReader(lists, locations);
    if (data.type === 'open') {
      session?.free();
      session = null;
      let last = 0;
      const report = (done, total) => {
        const now = Date.now();
        if (now - last > 100 || done === total) {
          last = now;
          self.postMessage({ type: 'progress', done, total });
        }
      };
      const head = new Uint8Array(await data.file.slice(0, 32).arrayBuffer());
      if (PacketFeed.isConnectionsCsv(head)) {
        session = reader.openConnections(new Uint8Array(await data.file.arrayBuffer()));
        self.postMessage({ type: 'opened', sites: JSON.parse(session.sitesJson()), skipped: session.skipReasons() });
        return;
      }
      if (PacketFeed.isPacketCapture(head)) {
        session = await readPackets(data.file, report);
        self.postMessage({ type: 'opened', sites: JSON.parse(session.sitesJson()), skipped: session.skipReasons() });
        return;
      }
      let text;
      try {
        text = await data.file.text();
      } catch (e) {
        throw new Error(`the browser could not read the file (${e && e.name || e}); it may be too large for this device`);
      }
      session = reader.open(text, report);
      text = null;
      self.postMessage({ type: 'opened', sites: JSON.parse(session.sitesJson()), skipped: session.skipReasons() });
    } else if (data.type === 'render') {
      // The reader's languages (a ?lang= on the page first): the report page and the HTML export are written in the first shipped one.
      const text = session.render(data.site || undefined, data.home, data.preset, data.format, data.lang || [...navigator.languages]);
      self.postMessage({ type: 'rendered', id: data.id, format: data.format, text });
    }
  } catch (e) {
    self.postMessage({ type: 'error', id: data.id, message: String(e && e.message || e) });
  }
};
