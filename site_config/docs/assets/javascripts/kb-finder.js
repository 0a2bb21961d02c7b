/* The case finder on the case library page (cases/index.html).
 *
 * Filters by street, community type, practice, tag, year, policy and checklist, combined
 * (any of the values chosen within a filter, all filters together), with the number of
 * matching cases next to every option, newest first or by title (pinyin). The state lives in
 * the URL query (?street=护国街道&practice=red-channel&sort=title), so a filtered list can be
 * shared and survives a reload; each change is a history entry, so Back undoes it. A value
 * the site does not know is named and dropped; a combination no case matches says which
 * filter to remove (the address: kb-finder-state.js). Data comes as scripts (search/finder.js,
 * and the search index's document chunks for titles and summaries), which also works for a
 * site opened from disk (file://). */
(() => {
  "use strict";

  const PAGE_SIZE = 20;
  const SHOWN_OPTIONS = 12;
  const root = document.querySelector(".kb-finder");
  if (!root) return;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);

  let data = null;
  const rows = new Map();  // search chunk number → rows
  const expanded = new Set();
  window.kbFinder = { data: value => { data = value; } };
  window.kbSearch = Object.assign(window.kbSearch || {}, {
    docs: (number, value) => { rows.set(number, value); },
  });

  function loadScript(path) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(path, base).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error(path));
      document.head.appendChild(script);
    });
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else if (value !== false && value !== null) node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  }

  const { KEYS, LABELS, SORTS, readState, writeState, unknownText } = window.kbFinderState;

  /* ---- filtering and counting ---- */

  function matches(index, filters, except) {
    for (const [key, values] of Object.entries(filters)) {
      if (key === except) continue;
      const facet = data.facets[key];
      if (!facet.of[index].some(i => values.has(facet.values[i][0]))) return false;
    }
    return true;
  }

  function counts(filters) {
    const result = {};
    for (const key of KEYS) {
      const facet = data.facets[key];
      const tally = new Array(facet.values.length).fill(0);
      for (let index = 0; index < data.count; index++)
        if (matches(index, filters, key)) for (const i of facet.of[index]) tally[i]++;
      result[key] = tally;
    }
    return result;
  }

  let titleRank = null;  // case index → its place in title order

  function matching(filters, sort = "date") {
    const found = [];
    for (let index = 0; index < data.count; index++)
      if (matches(index, filters, null)) found.push(index);
    if (sort === "title") {
      if (!titleRank) {
        titleRank = new Array(data.count);
        data.byTitle.forEach((index, rank) => { titleRank[index] = rank; });
      }
      found.sort((a, b) => titleRank[a] - titleRank[b]);
    }
    return found;
  }

  function without(filters, key, value) {
    const rest = {};
    for (const [k, values] of Object.entries(filters)) {
      const kept = new Set([...values].filter(v => k !== key || v !== value));
      if (kept.size) rest[k] = kept;
    }
    return rest;
  }

  /* ---- rendering ---- */

  function render(state, push = false) {
    const tallies = counts(state.filters);
    const found = matching(state.filters, state.sort);
    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages);
    writeState(state, push);
    const form = element("form", { class: "kb-finder__filters", "aria-label": "筛选案例" });
    for (const key of KEYS) {
      const facet = renderFacet(key, data.facets[key], tallies[key], state);
      if (facet) form.append(facet);
    }
    const chosen = Object.keys(state.filters).length;
    const clear = element("button", { type: "button", class: "md-button", disabled: !chosen,
                                      text: "清除筛选" });
    clear.addEventListener("click", () => update({ ...state, filters: {}, page: 1 }));
    form.append(clear);
    const notes = state.unknown.length ? [element("p", { class: "kb-finder__unknown",
      role: "status", text: `${state.unknown.map(unknownText).join("；")}，已去掉这个筛选条件。` })]
      : [];
    const summary = element("p", { class: "kb-finder__count", role: "status",
                                   "aria-live": "polite", text: `共 ${found.length} 个案例` });
    const order = renderOrder(state);
    if (!found.length) {
      root.replaceChildren(form, ...notes, summary, renderEmpty(state));
      root.toggleAttribute("data-empty", true);  // no room kept for results that are not coming
      return;
    }
    const list = element("ol", { class: "kb-finder__results", "aria-busy": "true",
                                 start: (state.page - 1) * PAGE_SIZE + 1 });
    const shown = found.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
    root.replaceChildren(form, ...notes, summary, order, list);
    root.toggleAttribute("data-empty", false);
    // the results and the pager appear once the titles have loaded, all at once: nothing the
    // reader is looking at moves as they arrive
    fillRows(shown, list).then(() => {
      list.removeAttribute("aria-busy");
      list.after(renderPager(state, pages));
    }).catch(() => {
      list.replaceWith(element("p", { text: "案例标题没有载入，请刷新页面再试。" }));
    });
  }

  function labelOf(key, value) {
    const found = data.facets[key].values.find(([v]) => v === value);
    return found ? found[1] : value;
  }

  /* No case matches: say which filter to take away, and what that would show. */
  function renderEmpty(state) {
    const box = element("div", { class: "kb-finder__empty" });
    const chosen = Object.entries(state.filters)
      .flatMap(([key, values]) => [...values].map(value => [key, value]));
    if (!chosen.length) {
      box.append(element("p", { text: "案例库里还没有案例。" }));
      return box;
    }
    const named = chosen.map(([key, value]) => `「${labelOf(key, value)}」（${LABELS[key]}）`);
    box.append(element("p", { text: chosen.length > 1
      ? `没有同时符合${named.join("、")}的案例。` : `没有符合${named[0]}的案例。` }));
    const offers = element("ul", {});
    for (const [key, value] of chosen) {
      const rest = without(state.filters, key, value);
      const count = matching(rest).length;
      if (!count) continue;
      const button = element("button", { type: "button", class: "kb-finder__drop",
        text: `去掉「${labelOf(key, value)}」，看 ${count} 个案例` });
      button.addEventListener("click", () => update({ ...state, filters: rest, page: 1 }));
      offers.append(element("li", {}, button));
    }
    if (offers.children.length) box.append(element("p", { text: "可以去掉一个条件：" }), offers);
    else box.append(element("p", { text: "去掉其中任何一个条件也没有案例，请点“清除筛选”重新选择。" }));
    return box;
  }

  function renderOrder(state) {
    const select = element("select", { id: "kb-finder-sort" });
    for (const [value, label] of Object.entries(SORTS))
      select.append(element("option", { value, selected: state.sort === value, text: label }));
    select.addEventListener("change", () => update({ ...state, sort: select.value, page: 1 }));
    return element("p", { class: "kb-finder__order" },
      element("label", { for: "kb-finder-sort", text: "排序：" }), select);
  }

  function renderFacet(key, facet, tally, state) {
    const chosen = state.filters[key] || new Set();
    let order = facet.values.map((value, i) => ({ value: value[0], label: value[1], count: tally[i] }))
      .filter(option => option.count > 0 || chosen.has(option.value));
    if (key === "tag") order.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "zh"));
    const hidden = expanded.has(key) ? 0 : Math.max(0, order.length - SHOWN_OPTIONS);
    const visible = hidden ? order.filter((o, i) => i < SHOWN_OPTIONS || chosen.has(o.value)) : order;
    if (!visible.length) return null;  // nothing to choose here for this combination
    const group = element("fieldset", { class: "kb-finder__facet" },
      element("legend", { text: LABELS[key] }));
    for (const option of visible) {
      const box = element("input", { type: "checkbox", name: key, value: option.value,
                                     checked: chosen.has(option.value) });
      box.addEventListener("change", () => toggle(state, key, option.value, box.checked));
      group.append(element("label", {}, box, ` ${option.label} `,
        element("span", { class: "kb-finder__n", text: `(${option.count})` })));
    }
    if (hidden) {
      const more = element("button", { type: "button", class: "kb-finder__more",
                                       text: `显示全部 ${order.length} 项` });
      more.addEventListener("click", () => { expanded.add(key); render({ ...state, unknown: [] }); });
      group.append(more);
    }
    return group;
  }

  function renderPager(state, pages) {
    const nav = element("nav", { class: "kb-finder__pager", "aria-label": "翻页" });
    if (pages <= 1) return nav;
    const go = (page, label, disabled) => {
      const button = element("button", { type: "button", class: "md-button", disabled,
                                         text: label });
      button.addEventListener("click", () => update({ ...state, page }));
      return button;
    };
    nav.append(go(state.page - 1, "上一页", state.page <= 1),
               element("span", { text: ` 第 ${state.page}/${pages} 页 ` }),
               go(state.page + 1, "下一页", state.page >= pages));
    return nav;
  }

  async function fillRows(indexes, list) {
    const numbers = [...new Set(indexes.map(i => Math.floor((data.first + i) / data.chunk)))];
    await Promise.all(numbers.filter(n => !rows.has(n)).map(n => loadScript(`search/d/${n}.js`)));
    list.append(...indexes.map(index => {
      const doc = data.first + index;
      // a SearchRow (generator/search/index.py): [location, title, kind, tags, snippet, parent]
      const [location, title, , , snippet] = rows.get(Math.floor(doc / data.chunk))[doc % data.chunk];
      return element("li", {},
        element("a", { href: new URL(location, base).href, text: title }),
        element("span", { class: "kb-finder__place", text: ` ${place(index)}` }),
        element("p", { text: snippet }));
    }));
  }

  function place(index) {
    return ["street", "type"].map(key => data.facets[key])
      .flatMap(facet => facet.of[index].map(i => facet.values[i][1])).join(" · ");
  }

  function toggle(state, key, value, on) {
    const filters = Object.fromEntries(Object.entries(state.filters)
      .map(([k, values]) => [k, new Set(values)]));
    const values = filters[key] || new Set();
    if (on) values.add(value); else values.delete(value);
    if (values.size) filters[key] = values; else delete filters[key];
    update({ ...state, filters, page: 1 });
    const box = [...root.querySelectorAll(`input[name="${key}"]`)].find(b => b.value === value);
    if (box) box.focus();  // the form is redrawn; keep the keyboard where it was
  }

  function update(state) {
    render({ ...state, unknown: [] }, true);
  }

  addEventListener("popstate", () => { if (data) render(readState(data)); });

  loadScript("search/finder.js")
    .then(() => render(readState(data)))
    .catch(() => {
      root.replaceChildren(element("p", { text: "案例筛选没有载入，请用下面的“按街道浏览”。" }));
    });
})();
