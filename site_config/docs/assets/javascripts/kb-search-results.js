/* One search result as Material's result list shows it: the title and the passage where the
 * query matched, the words found marked, and for each word of the query whether the page has
 * it (Material puts the words found into the link's ?h=, so the page marks them too, and
 * lists the others as 缺少). Loaded by the search worker (kb-search.js). */
"use strict";

self.kbResults = (() => {
  const WINDOW = 110;  // characters of passage shown
  const LEAD = 24;  // characters kept before the first word found
  const STOPS = "。！？；\n";

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
  }

  function folded(text, vocabulary) {
    let out = "";
    for (const character of text.toLowerCase())
      out += character.length === 1 ? (vocabulary.fold.get(character) || character) : character;
    return out;
  }

  /* Text as HTML with every occurrence of the words marked. */
  function highlight(text, words, vocabulary) {
    const lower = folded(text, vocabulary);
    const marked = new Array(text.length).fill(false);
    for (const word of words) {
      for (let at = lower.indexOf(word); word && at >= 0; at = lower.indexOf(word, at + 1))
        for (let i = at; i < at + word.length && i < text.length; i++) marked[i] = true;
    }
    let html = "", open = false;
    for (let i = 0; i < text.length; i++) {
      if (marked[i] !== open) { html += open ? "</mark>" : "<mark>"; open = marked[i]; }
      html += escapeHtml(text[i]);
    }
    return html + (open ? "</mark>" : "");
  }

  /* The words of the query a document has (runs of the pairs it holds, so 经费从 gives 经费),
   * and those it lacks altogether. */
  function matchedWords(query, hit) {
    const present = [], missing = [];
    for (const piece of query.pieces) {
      const found = [];
      for (const variant of [piece.text, ...piece.alternatives]) {
        if (!kbQuery.isChinese(variant) || variant.length < 2) {
          if (hit.has(variant)) found.push(variant);
          continue;
        }
        let run = "";
        kbQuery.pairs(variant).forEach((pair, i, all) => {
          if (hit.has(pair)) run = run ? run + pair[1] : pair;
          if ((!hit.has(pair) || i === all.length - 1) && run) { found.push(run); run = ""; }
        });
      }
      if (found.length) present.push(...found);
      else missing.push(piece.text);
    }
    return { present: [...new Set(present)], missing };
  }

  /* The part of a page's text where most of the words stand, cut at a sentence if near. */
  function passage(text, words, vocabulary) {
    if (!text) return "";
    const lower = folded(text, vocabulary);
    const places = [];
    for (const word of words)
      for (let at = lower.indexOf(word); word && at >= 0; at = lower.indexOf(word, at + 1))
        places.push([at, word]);
    let start = 0;
    if (places.length) {
      let best = -1;
      for (const [at] of places) {
        const from = Math.max(0, at - LEAD);
        const inside = new Set(places.filter(([p]) => p >= from && p < from + WINDOW)
          .map(([, word]) => word)).size;
        if (inside > best) { best = inside; start = from; }
      }
      const first = Math.min(...places.filter(([at]) => at >= start).map(([at]) => at));
      const stop = Math.max(...[...STOPS].map(c => text.lastIndexOf(c, first - 1)));
      if (stop >= start) start = stop + 1;  // begin with the sentence the word is in
      else if (start < LEAD) start = 0;
    }
    const end = Math.min(text.length, start + WINDOW);
    const cut = text.slice(start, end).replace(/\s+/g, " ").trim();
    return (start > 0 ? "…" : "") + highlight(cut, words, vocabulary)
      + (end < text.length ? "…" : "");
  }

  /* One result: ``row`` from the document chunks, ``text`` from the passage chunks. A row is
     SearchRow in generator/search/index.py: [location, title, kind, tags, snippet, parent]. */
  function item(row, text, hit, state, withText) {
    const [location, title, kind, tags, snippet] = row;
    const words = matchedWords(state.query, hit);
    const terms = Object.fromEntries([...words.present.map(word => [word, true]),
                                      ...words.missing.map(word => [word, false])]);
    return {
      location, score: hit.score, terms,
      title: highlight(title, words.present, state.vocabulary),
      text: withText ? passage(text || snippet, words.present, state.vocabulary) : "",
      tags: [kind, ...tags.slice(0, 2)].map(escapeHtml),
    };
  }

  return { item, passage, highlight, matchedWords, escapeHtml };
})();
