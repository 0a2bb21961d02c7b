/* The case finder's state in the page address (?street=护国街道&tag=院坝&sort=title&page=2):
 * read it, checking each value against the finder's data; write it, as a new history entry
 * for each change so that Back undoes a filter. Used by kb-finder.js. */
(() => {
  "use strict";

  const KEYS = ["street", "type", "practice", "tag", "year", "policy", "checklist"];
  const LABELS = {
    street: "街道", type: "小区类型", practice: "工作法", tag: "标签", year: "年份",
    policy: "政策文件", checklist: "清单",
  };

  const SORTS = { date: "按时间（最新在前）", title: "按标题（拼音顺序）" };

  function readState(data) {
    const params = new URLSearchParams(location.search);
    const state = { filters: {}, page: Math.max(1, parseInt(params.get("page"), 10) || 1),
                    sort: params.get("sort") === "title" ? "title" : "date", unknown: [] };
    for (const key of KEYS) {
      const known = new Set(data.facets[key].values.map(([value]) => value));
      for (const value of new Set(params.getAll(key))) {
        if (!known.has(value)) state.unknown.push([key, value]);
        else (state.filters[key] = state.filters[key] || new Set()).add(value);
      }
    }
    return state;
  }

  function query(state) {
    const params = new URLSearchParams();
    for (const [key, values] of Object.entries(state.filters))
      for (const value of values) params.append(key, value);
    if (state.sort !== "date") params.set("sort", state.sort);
    if (state.page > 1) params.set("page", state.page);
    const text = params.toString();
    return text ? `?${text}` : location.pathname;
  }

  function writeState(state, push) {
    const address = query(state);
    if (push && new URL(address, location.href).href !== location.href)
      history.pushState(null, "", address);
    else history.replaceState(null, "", address);
  }

  function unknownText([key, value]) {
    if (key === "year") return `没有「${value}」年的案例`;
    if (key === "tag") return `没有名为「${value}」的标签`;
    return `没有名为「${value}」的${LABELS[key]}`;
  }

  window.kbFinderState = { KEYS, LABELS, SORTS, readState, writeState, unknownText };
})();
