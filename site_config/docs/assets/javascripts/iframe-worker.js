/* Web Workers for pages opened from disk (file://), where browsers refuse `new Worker`.
 *
 * The worker's script runs in a hidden iframe of the same page instead. Its globals are set
 * from here before the script loads, so the iframe holds no inline script (the page's
 * Content-Security-Policy, which the iframe inherits, allows only the site's own files):
 * `postMessage` hands a copy of the data to the page's listeners, the page's messages reach
 * the iframe's `message` listeners, and `importScripts` loads scripts one after another
 * through <script> tags, returning a Promise (so workers should `await` it).
 * Material for MkDocs' offline plugin looks for "iframe-worker" in the polyfill list and then
 * adds no copy of its own from unpkg.com, so nothing is ever requested from another host. */
(() => {
  if (location.protocol !== "file:") return;

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      document.body.appendChild(this.frame);
      const frame = this.frame.contentWindow;
      const view = frame.document;
      view.open();
      frame.postMessage = data => this.deliver(structuredClone(data));
      frame.importScripts = (...urls) => urls.reduce((done, source) => done.then(() =>
        new Promise((resolve, reject) => {
          const script = view.createElement("script");
          script.src = source;
          script.onload = resolve;
          script.onerror = () => reject(new Error(`cannot load ${source}`));
          view.body.appendChild(script);
        })), Promise.resolve());
      const source = new URL(url, document.baseURI).href;
      view.write(`<!DOCTYPE html><html><body>` +
                 `<script src="${source.replace(/"/g, "%22")}"></script></body></html>`);
      view.close();
      // the iframe's window fires load once the worker's script has run
      this.ready = new Promise(resolve => { frame.onload = resolve; });
    }

    deliver(data) {
      const message = new MessageEvent("message", { data });
      this.dispatchEvent(message);
      if (this.onmessage) this.onmessage(message);
    }

    postMessage(data) {
      this.ready.then(() => this.frame.contentWindow.dispatchEvent(
        new MessageEvent("message", { data: structuredClone(data) })));
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.Worker = FileWorker;
})();
