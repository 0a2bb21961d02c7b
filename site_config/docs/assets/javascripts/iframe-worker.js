/* Web Workers for pages opened from disk (file://), where browsers refuse `new Worker`.
 *
 * The worker's script runs in a hidden iframe of the same page instead: its postMessage
 * reaches the page, the page's messages reach it, and importScripts loads scripts one after
 * another through <script> tags, returning a Promise (so workers should `await` it).
 * Material for MkDocs' offline plugin looks for "iframe-worker" in the polyfill list and then
 * adds no copy of its own from unpkg.com, so nothing is ever requested from another host. */
(() => {
  if (location.protocol !== "file:") return;

  const bootstrap = () => {
    window.postMessage = data => parent.postMessage(data, "*");
    window.importScripts = (...urls) => urls.reduce((done, url) => done.then(() =>
      new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`cannot load ${url}`));
        document.body.appendChild(script);
      })), Promise.resolve());
  };

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      document.body.appendChild(this.frame);
      this.relay = event => {
        if (event.source !== this.frame.contentWindow) return;
        const message = new MessageEvent("message", { data: event.data });
        this.dispatchEvent(message);
        if (this.onmessage) this.onmessage(message);
      };
      window.addEventListener("message", this.relay);
      const source = new URL(url, document.baseURI).href;
      const view = this.frame.contentWindow.document;
      view.open();
      view.write(`<!DOCTYPE html><html><body><script>(${bootstrap})()<\/script>` +
                 `<script src="${source.replace(/"/g, "%22")}"><\/script></body></html>`);
      view.close();
      // the iframe's window fires load once the worker's script has run
      this.ready = new Promise(resolve => { this.frame.contentWindow.onload = resolve; });
    }

    postMessage(data) {
      this.ready.then(() => this.frame.contentWindow.dispatchEvent(
        new MessageEvent("message", { data: structuredClone(data) })));
    }

    terminate() {
      window.removeEventListener("message", this.relay);
      this.frame.remove();
    }
  }

  window.Worker = FileWorker;
})();
