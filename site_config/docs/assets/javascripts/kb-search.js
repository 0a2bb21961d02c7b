/* The site's search, as a worker that speaks Material for MkDocs' search protocol
 * (SETUP → READY, QUERY → RESULT), so Material's search box, result list, keyboard
 * shortcuts and highlighting stay as they are. MORE → MORE_RESULT gives the next results
 * for the page's kb-search-ui.js, which shows the true count and adds them as the reader
 * scrolls.
 *
 * Nothing is loaded until the first query. The index is split (generator/search/index.py):
 * search/manifest.js (the layout and the vocabulary), the shards of the query's terms
 * (search/t/N.js), the chunks holding the results shown (search/d/N.js, their text for the
 * passage in search/p/N.js), and, only to correct a typo, search/readings.js. They are scripts
 * calling kbSearch.*: over http they are fetched and their data parsed as JSON; from file://,
 * where nothing can be fetched, the iframe shim (iframe-worker.js) loads them as scripts.
 * How a query is read is kb-search-query.js. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, MORE = 100, MORE_RESULT = 101;
const BATCH = 10;  // results per answer: Material shows ten at first; each needs its chunks
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT = new Int8Array(128);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const FACTOR = { piece: 1, alternative: 0.8, whole: 2, prefix: 0.3 };

const loaded = { manifest: null, layout: null, terms: new Map(), docs: new Map(),
                 passages: new Map(), readings: null, vocabulary: null, last: null };
self.kbSearch = {
  manifest: data => { loaded.manifest = data; },
  terms: (number, data) => { loaded.terms.set(number, data); },
  docs: (number, data) => { loaded.docs.set(number, data); },
  passages: (number, data) => { loaded.passages.set(number, data); },
  readings: data => { loaded.readings = data; },
};

/* Where search/ is: beside the worker's folder. Under the file:// shim the worker runs in an
 * iframe, whose first script with a src is this file. */
function scriptBase() {
  const script = typeof document !== "undefined" && document.querySelector("script[src]");
  return script ? script.src : self.location.href;
}
const BASE = new URL("../../search/", scriptBase()).href;
const FROM_DISK = typeof document !== "undefined";  // running in the file:// shim's iframe
const helpers = importScripts(new URL("kb-search-query.js", scriptBase()).href,
                              new URL("kb-search-results.js", scriptBase()).href);

async function loadScripts(paths) {
  if (!paths.length) return;
  if (FROM_DISK) {
    await importScripts(...paths.map(path => BASE + path));
    return;
  }
  const texts = await Promise.all(paths.map(path => fetch(BASE + path).then(response => {
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.text();
  })));
  for (const text of texts) runCall(text);
}

/* "kbSearch.terms(12,{...});" → kbSearch.terms(12, {...}), without evaluating code. */
function runCall(text) {
  const open = text.indexOf("("), close = text.lastIndexOf(")");
  const name = text.slice("kbSearch.".length, open);
  const args = JSON.parse(`[${text.slice(open + 1, close)}]`);
  self.kbSearch[name](...args);
}

function shardOf(term, shards) {
  let value = 0x811c9dc5;
  for (const character of term) value = Math.imul(value ^ character.codePointAt(0), 0x01000193);
  return (value >>> 0) & (shards - 1);
}

/* Calls visit(document, weight) for each posting of an encoded list (index.encode). */
function forEachPosting(text, visit) {
  let previous = -1, number = 0, shift = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGIT[text.charCodeAt(i)];
    number += (digit & 31) * 2 ** shift;
    if (digit & 32) { shift += 5; continue; }
    previous += Math.floor(number / 32) + 1;
    visit(previous, number % 32);
    number = 0;
    shift = 0;
  }
}

async function postings(terms) {
  const { shards } = loaded.layout;
  const needed = [...new Set(terms.map(term => shardOf(term, shards)))];
  await loadScripts(needed.filter(n => !loaded.terms.has(n)).map(n => `t/${n}.js`));
  return new Map(terms.map(term => [term, loaded.terms.get(shardOf(term, shards))[term] || ""]));
}

async function ensureManifest() {
  if (loaded.vocabulary) return;
  await helpers;
  await loadScripts(["manifest.js"]);
  loaded.layout = loaded.layout || loaded.manifest;
  loaded.vocabulary = new kbQuery.Vocabulary(loaded.manifest);
}

/* Every term a query is looked up by, with how much it counts. */
function lookups(query) {
  const terms = new Map();
  const add = (term, factor) => terms.set(term, Math.max(terms.get(term) || 0, factor));
  for (const piece of query.pieces) {
    for (const pair of kbQuery.pairs(piece.text)) add(pair, FACTOR.piece);
    for (const other of piece.alternatives)
      for (const pair of kbQuery.pairs(other)) add(pair, FACTOR.alternative);
    for (const word of [piece.text, ...piece.alternatives])
      if (piece.known && word.length > 2) add(word, FACTOR.whole);
  }
  return terms;
}

function prefixWords(query) {
  const last = query.pieces[query.pieces.length - 1];
  if (!last || last.text.length < 2) return [];
  return loaded.vocabulary.byWeight(Object.keys(loaded.manifest.words)
    .filter(word => word.startsWith(last.text) && word !== last.text)).slice(0, 5);
}

/* Scores every document a query's postings reach, in typed arrays (a phone may add up tens
 * of thousands of postings); each term sets a bit in the document's mask, from which each
 * piece's share of its pairs the document holds is worked out. */
function rank(query, lists, total) {
  const terms = [...lists.keys()], width = Math.ceil(terms.length / 32) || 1;
  const scores = new Float64Array(total), masks = new Uint32Array(total * width), touched = [];
  const factors = lookups(query), prefixes = new Set(prefixWords(query));
  terms.forEach((term, bit) => {
    const text = lists.get(term);
    let count = 0;
    for (let i = 0; i < text.length; i++) if (!(DIGIT[text.charCodeAt(i)] & 32)) count++;
    const weight = (factors.get(term) || (prefixes.has(term) ? FACTOR.prefix : 0))
      * Math.log(1 + total / Math.max(1, count));
    forEachPosting(text, (id, value) => {
      if (scores[id] === 0) touched.push(id);
      scores[id] += weight * value;
      masks[id * width + (bit >> 5)] |= 1 << (bit & 31);
    });
  });
  const bits = new Map(terms.map((term, bit) => [term, bit]));
  const holds = id => term => {
    const bit = bits.get(term);
    return bit !== undefined && (masks[id * width + (bit >> 5)] & (1 << (bit & 31))) !== 0;
  };
  const ranked = [];
  for (const id of touched) {
    const has = holds(id), covered = coverage(query, lists, has);
    if (covered > 0) ranked.push({ id, score: scores[id] * covered * covered, has });
  }
  return ranked.sort((a, b) => b.score - a.score || a.id - b.id);
}

/* How much of the query a document holds: each piece by the share of its pairs found (a
 * synonym's counting less), pieces weighted by length; pairs no page has count for nothing. */
function coverage(query, lists, has) {
  let held = 0, all = 0;
  for (const piece of query.pieces) {
    let best = 0, possible = false;
    [piece.text, ...piece.alternatives].forEach((variant, n) => {
      const known = kbQuery.pairs(variant).filter(pair => lists.get(pair));
      if (!known.length) return;
      possible = true;
      const share = known.filter(has).length / known.length;
      best = Math.max(best, share * (n ? FACTOR.alternative : 1));
    });
    if (!possible) continue;
    held += best * piece.text.length;
    all += piece.text.length;
  }
  return all ? held / all : 0;
}

/* Sections (glossary terms, the numbers of 数说) go under one result with their page. */
function grouped(ranked) {
  const sections = loaded.manifest.sections, groups = [], byParent = new Map();
  for (const hit of ranked) {
    const parent = sections[hit.id];
    const head = parent === undefined ? hit.id : parent;
    if (byParent.has(head)) { byParent.get(head).members.push(hit); continue; }
    const group = { head, hit, members: parent === undefined ? [] : [hit] };
    byParent.set(head, group);
    groups.push(group);
  }
  return groups;
}

async function chunks(ids, kind, store) {
  const { chunk } = loaded.layout;
  const needed = [...new Set(ids.map(id => Math.floor(id / chunk)))];
  await loadScripts(needed.filter(n => !store.has(n)).map(n => `${kind}/${n}.js`));
  return ids.map(id => store.get(Math.floor(id / chunk))[id % chunk]);
}

/* The search results of groups[from, to), as Material's result list takes them. */
async function answer(state, from, to) {
  const slice = state.groups.slice(from, to);
  const ids = [...new Set(slice.flatMap(g => [g.head, ...g.members.map(m => m.id)]))];
  const [rows, texts] = await Promise.all([chunks(ids, "d", loaded.docs),
                                           chunks(ids, "p", loaded.passages)]);
  const row = new Map(ids.map((id, n) => [id, rows[n]]));
  const text = new Map(ids.map((id, n) => [id, texts[n]]));
  return slice.map(group => {
    const head = kbResults.item(row.get(group.head), text.get(group.head), group.hit, state,
                                !group.members.length);
    return [head, ...group.members.map(hit =>
      kbResults.item(row.get(hit.id), text.get(hit.id), hit, state, true))];
  });
}

async function search(text) {
  if (!/[\p{L}\p{N}]/u.test(text)) return { items: [] };  // Material asks with "" at start
  await ensureManifest();
  let query = kbQuery.parse(text, loaded.vocabulary), suggestion = query.spelled;
  if (!query.pieces.length) return { items: [] };  // Material asks once with "" when it starts
  let lists = await postings([...lookups(query).keys(), ...prefixWords(query)]);
  const corrected = await correct(query, lists);
  if (corrected) ({ query, lists, suggestion } = corrected);
  const groups = grouped(rank(query, lists, loaded.manifest.docs));
  const state = { text, query, groups, vocabulary: loaded.vocabulary };
  loaded.last = state;
  const items = await answer(state, 0, BATCH);
  return { items, suggest: prefixWords(query).slice(0, 1),
           kb: { query: text, total: groups.length, shown: items.length, suggestion } };
}

/* A typo: the query again with the known word it most likely meant, if that finds pages. */
async function correct(query, lists) {
  const exists = pair => lists.has(pair) ? Boolean(lists.get(pair)) : true;
  const unknown = query.pieces.some(piece => !piece.known
    && kbQuery.pairs(piece.text).some(pair => kbQuery.isChinese(pair) && !exists(pair)));
  if (!unknown) return null;
  if (!loaded.readings) await loadScripts(["readings.js"]);
  const fixed = kbQuery.correction(query, loaded.vocabulary, exists,
                                   kbQuery.readerOf(loaded.readings));
  if (!fixed) return null;
  const better = kbQuery.parse(fixed, loaded.vocabulary);
  const found = await postings([...lookups(better).keys(), ...prefixWords(better)]);
  return { query: better, lists: found, suggestion: fixed };
}

async function more(request) {
  const state = loaded.last;
  if (!state || state.text !== request.query) return { query: request.query, items: [] };
  const items = await answer(state, request.offset, request.offset + BATCH);
  return { query: request.query, offset: request.offset, items, total: state.groups.length };
}

addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    loaded.layout = (message.data.config || {}).kb || null;  // from search_index.json
    postMessage({ type: READY });
  } else if (message.type === QUERY || message.type === MORE) {
    let data;
    try {
      data = message.type === QUERY ? await search(message.data) : await more(message.data);
    } catch (error) {
      console.warn("搜索出错：", error);
      data = { items: [] };
    }
    postMessage({ type: message.type === QUERY ? RESULT : MORE_RESULT, data });
  }
});
