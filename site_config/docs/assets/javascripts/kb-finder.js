/* The case finder on the case library page (cases/index.html).
 *
 * Filters by street, community type, practice, tag, year, policy and checklist, combined
 * (any of the values chosen within a filter, all filters together), with the number of
 * matching cases next to every option. The state lives in the URL query
 * (?street=护国街道&practice=red-channel), so a filtered list can be shared and survives a
 * reload. Data comes as scripts (search/finder.js, and the search index's document chunks for
 * titles and summaries), which also works for a site opened from disk (file://). */
(() => {
  "use strict";

  const PAGE_SIZE = 20;
  const SHOWN_OPTIONS = 12;
  const KEYS = ["street", "type", "practice", "tag", "year", "policy", "checklist"];
  const LABELS = {
    street: "街道", type: "小区类型", practice: "工作法", tag: "标签", year: "年份",
    policy: "政策文件", checklist: "清单",
  };
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

  /* ---- state: the URL query ---- */

  function readState() {
    const params = new URLSearchParams(location.search);
    const state = { filters: {}, page: Math.max(1, parseInt(params.get("page"), 10) || 1) };
    for (const key of KEYS) {
      const known = new Set(data.facets[key].values.map(([value]) => value));
      const chosen = params.getAll(key).filter(value => known.has(value));
      if (chosen.length) state.filters[key] = new Set(chosen);
    }
    return state;
  }

  function writeState(state) {
    const params = new URLSearchParams();
    for (const [key, values] of Object.entries(state.filters))
      for (const value of values) params.append(key, value);
    if (state.page > 1) params.set("page", state.page);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

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

  function matching(filters) {
    const found = [];
    for (let index = 0; index < data.count; index++)
      if (matches(index, filters, null)) found.push(index);
    return found;
  }

  /* ---- rendering ---- */

  function render(state) {
    const tallies = counts(state.filters);
    const found = matching(state.filters);
    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages);
    writeState(state);
    const form = element("form", { class: "kb-finder__filters", "aria-label": "筛选案例" });
    for (const key of KEYS)
      if (data.facets[key].values.length)
        form.append(renderFacet(key, data.facets[key], tallies[key], state));
    const chosen = Object.keys(state.filters).length;
    const clear = element("button", { type: "button", class: "md-button", disabled: !chosen,
                                      text: "清除筛选" });
    clear.addEventListener("click", () => update({ filters: {}, page: 1 }));
    form.append(clear);
    const summary = element("p", { class: "kb-finder__count", role: "status",
                                   "aria-live": "polite", text: `共 ${found.length} 个案例` });
    const list = element("ol", { class: "kb-finder__results", "aria-busy": "true",
                                 start: (state.page - 1) * PAGE_SIZE + 1 });
    const shown = found.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
    root.replaceChildren(form, summary, list);
    // the results and the pager appear once the titles have loaded, all at once: nothing the
    // reader is looking at moves as they arrive
    fillRows(shown, list).then(() => {
      list.removeAttribute("aria-busy");
      list.after(renderPager(state, pages));
    }).catch(() => {
      list.replaceWith(element("p", { text: "案例标题没有载入，请刷新页面再试。" }));
    });
  }

  function renderFacet(key, facet, tally, state) {
    const chosen = state.filters[key] || new Set();
    let order = facet.values.map((value, i) => ({ value: value[0], label: value[1], count: tally[i] }))
      .filter(option => option.count > 0 || chosen.has(option.value));
    if (key === "tag") order.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "zh"));
    const hidden = expanded.has(key) ? 0 : Math.max(0, order.length - SHOWN_OPTIONS);
    const visible = hidden ? order.filter((o, i) => i < SHOWN_OPTIONS || chosen.has(o.value)) : order;
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
      more.addEventListener("click", () => { expanded.add(key); render(state); });
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
    update({ filters, page: 1 });
    const box = [...root.querySelectorAll(`input[name="${key}"]`)].find(b => b.value === value);
    if (box) box.focus();  // the form is redrawn; keep the keyboard where it was
  }

  function update(state) {
    render(state);
  }

  loadScript("search/finder.js")
    .then(() => render(readState()))
    .catch(() => {
      root.replaceChildren(element("p", { text: "案例筛选没有载入，请用下面的“按街道浏览”。" }));
    });
})();
