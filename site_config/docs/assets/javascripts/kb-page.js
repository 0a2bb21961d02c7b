/* Small things every page needs that the theme does not do:
 * - printed pages carry the page's address in the top margin (the site name is in kb.css),
 *   so a handout can be traced back to the page it was printed from; a training module's
 *   handout carries the module's title there instead of the site name;
 * - a handout page gets its 打印 button;
 * - Material's search dialog gets a name, each result's list of kinds (a <nav> landmark)
 *   a name of its own, and a table too wide for the screen scrolls in a region a keyboard
 *   can reach (all for screen readers and keyboard users). */
(() => {
  "use strict";

  const style = document.createElement("style");
  document.head.appendChild(style);
  addEventListener("beforeprint", () => {
    style.textContent = `@page { @top-right { content: ${JSON.stringify(location.href)};` +
      " font-size: 7pt; color: #555; } }";
    const handout = document.querySelector(".kb-handout__edition");
    const title = handout && document.querySelector(".md-content h1");
    if (title) {
      const text = `${title.textContent.trim()} · ${handout.textContent.split("·")[0].trim()}`;
      style.textContent += `@page { @top-left { content: ${JSON.stringify(text.replace(/\s+/g, " "))}; } }`;
    }
    // a link whose text is its address needs it printed only once (kb.css adds it after links)
    document.querySelectorAll(".md-typeset a[href^='http']").forEach(link => {
      link.classList.toggle("kb-print-bare", link.textContent.trim() === link.href);
    });
  });

  // a handout's 打印 button: made here, so a page without JavaScript shows no dead button
  document.querySelectorAll(".kb-handout__print").forEach(slot => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "打印";
    button.addEventListener("click", () => print());
    slot.replaceChildren(button);
  });

  const search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "搜索");

  const results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(() => {
      results.querySelectorAll("nav.md-tags:not([aria-label])").forEach(tags => {
        const title = tags.closest("article")?.querySelector("h1, h2")?.textContent || "";
        tags.setAttribute("aria-label", `类别：${title.replaceAll("\u200b", "").trim()}`);
      });
    }).observe(results, { childList: true, subtree: true });
  }

  function reachableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap, index) => {
      if (wrap.hasAttribute("tabindex")) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", `表格 ${index + 1}（可左右滑动）`);
    });
  }
  // Material wraps wide tables once it has started; look again when the page has loaded
  addEventListener("load", reachableTables);
  reachableTables();
})();
