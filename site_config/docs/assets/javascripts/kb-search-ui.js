/* What Material's search list cannot show by itself, from what the search worker (kb-search.js)
 * sends with each result: the true number of pages found (Material counts the ten it was
 * given), "您是不是要找" when a typo or pinyin was read as a known word, and the next results,
 * added as the reader scrolls to the end of the list (or presses 显示更多结果).
 * Loaded before Material's script, so that the worker Material starts is one it can talk to. */
(() => {
  "use strict";
  const RESULT = 3, MORE = 100, MORE_RESULT = 101;
  const Base = window.Worker;
  let worker = null, state = null;

  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes("kb-search")) return;
      worker = this;
      this.addEventListener("message", event => received(event.data));
    }
  };

  const config = () => {
    const element = document.getElementById("__config");
    return element ? JSON.parse(element.textContent) : {};
  };
  const translations = () => config().translations || {};

  function received(message) {
    if (message.type === RESULT) {
      state = message.data.kb ? { ...message.data.kb, loading: false } : null;
      setTimeout(decorate);  // after Material has drawn its list
    } else if (message.type === MORE_RESULT && state && message.data.query === state.query) {
      append(message.data.items);
      state.shown += message.data.items.length;
      state.loading = false;
      decorate();
    }
  }

  function parts() {
    const result = document.querySelector(".md-search-result");
    return result && { result, meta: result.querySelector(".md-search-result__meta"),
                       list: result.querySelector(".md-search-result__list") };
  }

  function decorate() {
    const found = parts();
    if (!found) return;
    found.result.querySelectorAll(".kb-search-suggestion, .kb-search-more")
      .forEach(node => node.remove());
    if (!state) return;
    found.result.dataset.kbQuery = state.query;  // what the list now shows the answer to
    const words = translations();
    if (state.total > 1 && words["search.result.other"])
      found.meta.textContent = words["search.result.other"].replace("#", state.total);
    if (state.suggestion) found.meta.after(suggestion(state.suggestion));
    if (state.shown < state.total) {
      const button = element("button", { type: "button", class: "kb-search-more md-button" },
                             `显示更多结果（还有 ${state.total - state.shown} 个）`);
      button.addEventListener("click", loadMore);
      found.list.after(button);
    }
  }

  /* The next results when the reader has scrolled the list near its end (only then: a list
   * that fits the screen waits for the button). */
  document.addEventListener("scroll", event => {
    const button = document.querySelector(".kb-search-more");
    if (!button || !(event.target instanceof Element)
        || !event.target.classList.contains("md-search__scrollwrap")) return;
    if (button.getBoundingClientRect().top < event.target.getBoundingClientRect().bottom + 160)
      loadMore();
  }, { capture: true, passive: true });

  function suggestion(text) {
    const link = element("a", { href: "#", class: "kb-search-suggestion__query" }, text);
    link.addEventListener("click", event => {
      event.preventDefault();
      const input = document.querySelector("input.md-search__input");
      input.value = text;
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      input.focus();
    });
    return element("p", { class: "kb-search-suggestion", role: "status" },
                   "您是不是要找：", link, "（下面是它的结果）");
  }

  function loadMore() {
    if (!worker || !state || state.loading || state.shown >= state.total) return;
    state.loading = true;
    worker.postMessage({ type: MORE, data: { query: state.query, offset: state.shown } });
  }

  /* The next results, drawn as Material draws its own (components/search/result). */
  function append(groups) {
    const found = parts();
    if (!found) return;
    for (const group of groups) {
      const item = element("li", { class: "md-search-result__item" });
      group.forEach((result, n) => item.append(link(result, n === 0)));
      found.list.append(item);
    }
  }

  function link(result, first) {
    const base = new URL(`${(config().base || ".").replace(/\/$/, "")}/`, location.href);
    const url = new URL(result.location, base);
    const words = Object.keys(result.terms).filter(word => result.terms[word]);
    if (words.length) url.searchParams.set("h", words.join(" "));
    const article = element("article", { class: "md-search-result__article md-typeset",
                                         "data-md-score": result.score.toFixed(2) });
    if (first) article.append(element("div", { class: "md-search-result__icon md-icon" }));
    const title = element(first ? "h1" : "h2");
    title.innerHTML = result.title;  // HTML the worker escaped and marked
    article.append(title);
    const text = document.createElement("template");
    text.innerHTML = result.text;
    article.append(text.content);
    const missing = Object.keys(result.terms).filter(word => !result.terms[word]);
    if (missing.length) {
      const label = translations()["search.result.term.missing"] || "缺少";
      article.append(element("p", { class: "md-search-result__terms" }, `${label}: `,
                             ...missing.map(word => element("del", {}, word))));
    }
    const tags = element("nav", { class: "md-tags" });
    for (const tag of result.tags) {
      const span = element("span", { class: "md-tag" });
      span.innerHTML = tag;
      tags.append(span);
    }
    article.append(tags);
    return element("a", { href: url.href, class: "md-search-result__link", tabindex: "-1" },
                   article);
  }

  function element(name, attributes = {}, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    node.append(...children);
    return node;
  }
})();
