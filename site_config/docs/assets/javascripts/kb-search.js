/* The site's search, as a worker that speaks Material for MkDocs' search protocol
 * (SETUP → READY, QUERY → RESULT), so Material's search box, result list, keyboard
 * shortcuts and highlighting stay as they are.
 *
 * Nothing is loaded until the first query. The index is split (generator/search_index.py):
 * search/manifest.js, then the shards of the query's terms (search/t/N.js), then the chunks
 * holding the best results (search/d/N.js). They are scripts calling kbSearch.*: over http
 * they are fetched all at once and their data parsed as JSON; from file://, where nothing
 * can be fetched, the iframe shim (iframe-worker.js) loads them as scripts.
 *
 * Terms are made exactly as generator/search_text.py makes them: pairs of Chinese characters,
 * whole runs of Latin letters and digits, and whole domain terms. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const MAX_RESULTS = 10;  // Material shows ten at first; each needs its chunk of rows
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT = new Int8Array(128);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;

const loaded = { manifest: null, layout: null, terms: new Map(), docs: new Map() };
self.kbSearch = {
  manifest: data => { loaded.manifest = data; },
  terms: (number, data) => { loaded.terms.set(number, data); },
  docs: (number, data) => { loaded.docs.set(number, data); },
};

/* Where search/ is: beside the worker's folder. Under the file:// shim the worker runs in an
 * iframe, whose first script with a src is this file. */
function indexBase() {
  const script = typeof document !== "undefined" && document.querySelector("script[src]");
  return new URL("../../search/", script ? script.src : self.location.href).href;
}
const BASE = indexBase();

const FROM_DISK = typeof document !== "undefined";  // running in the file:// shim's iframe

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

function normalise(text) {
  return text.normalize("NFKC").toLowerCase();
}

/* The terms of a query: pairs of Chinese characters, a lone character as itself, Latin and
 * digit runs whole. */
function queryTerms(text) {
  const found = [];
  for (const run of normalise(text).match(RUN) || []) {
    if (run < "\u3400") found.push(run);
    else if (run.length === 1) found.push(run);
    else for (let i = 0; i + 1 < run.length; i++) found.push(run.slice(i, i + 2));
  }
  return [...new Set(found)];
}

function shardOf(term, shards) {
  let value = 0x811c9dc5;
  for (const character of term) value = Math.imul(value ^ character.codePointAt(0), 0x01000193);
  return (value >>> 0) & (shards - 1);
}

/* Calls visit(document, weight) for each posting of an encoded list (search_index.encode). */
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

/* Whole domain terms the query contains (exact), or that begin with it (prefix). */
function domainTerms(query, domain) {
  const compact = normalise(query).replace(/\s+/g, "");
  const exact = domain.filter(word => compact.includes(word));
  const prefix = compact.length < 2 ? [] : domain
    .filter(word => word.startsWith(compact) && word !== compact).slice(0, 8);
  return { exact, prefix };
}

async function postingsOf(terms, alsoLoad = []) {
  const { shards } = loaded.layout;
  const needed = [...new Set(terms.map(term => shardOf(term, shards)))];
  await loadScripts([...alsoLoad,
                     ...needed.filter(n => !loaded.terms.has(n)).map(n => `t/${n}.js`)]);
  return terms.map(term => loaded.terms.get(shardOf(term, shards))[term] || "");
}

/* Scores every document the query's postings reach, in typed arrays (a phone may have to
 * add up tens of thousands of postings). Pairs set one bit each in a document's mask, so the
 * share of the query a document covers can weigh in. */
function rank(pairs, pairPostings, extra, total) {
  const scores = new Float64Array(total), masks = new Uint32Array(total), touched = [];
  const add = (text, factor, bit) => {
    let count = 0;
    for (let i = 0; i < text.length; i++) if (!(DIGIT[text.charCodeAt(i)] & 32)) count++;
    const weight = factor * Math.log(1 + total / Math.max(1, count));
    forEachPosting(text, (id, value) => {
      if (scores[id] === 0) touched.push(id);
      scores[id] += weight * value;
      masks[id] |= bit;
    });
  };
  pairPostings.forEach((text, i) => add(text, 1, 2 ** Math.min(i, 30)));
  for (const [text, factor] of extra) add(text, factor, 0);
  const ranked = [];
  for (const id of touched) {
    const covered = pairs.length ? popcount(masks[id]) / pairs.length : 1;
    if (pairs.length >= 3 && covered < 0.5) continue;
    ranked.push({ id, score: scores[id] * covered * covered, mask: masks[id] });
  }
  return ranked.sort((a, b) => b.score - a.score || a.id - b.id);
}

function popcount(value) {
  let count = 0;
  for (; value; value &= value - 1) count++;
  return count;
}

async function documents(ids) {
  const { chunk } = loaded.layout;
  const needed = [...new Set(ids.map(id => Math.floor(id / chunk)))];
  await loadScripts(needed.filter(n => !loaded.docs.has(n)).map(n => `d/${n}.js`));
  return ids.map(id => loaded.docs.get(Math.floor(id / chunk))[id % chunk]);
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/* Text as HTML with every occurrence of the query's pieces marked. */
function highlight(text, pieces) {
  const lower = normalise(text);
  const marked = new Array(text.length).fill(false);
  for (const piece of pieces) {
    for (let at = lower.indexOf(piece); piece && at >= 0; at = lower.indexOf(piece, at + 1))
      for (let i = at; i < at + piece.length && i < text.length; i++) marked[i] = true;
  }
  let html = "", open = false;
  for (let i = 0; i < text.length; i++) {
    if (marked[i] !== open) { html += open ? "</mark>" : "<mark>"; open = marked[i]; }
    html += escapeHtml(text[i]);
  }
  return html + (open ? "</mark>" : "");
}

function resultItems(query, hits, rows, pairs) {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const pieces = [...pairs, ...words].filter(piece => piece.length > 1 || pairs.length < 2);
  return hits.map((hit, n) => {
    const [location, title, kind, tags, snippet, parent] = rows[n];
    const terms = {};
    for (const word of words) {
      const own = queryTerms(word).map(term => pairs.indexOf(term)).filter(i => i >= 0);
      terms[word] = own.every(i => hit.mask & 2 ** Math.min(i, 30));
    }
    const item = {
      location, score: hit.score, terms,
      title: highlight(title, pieces), text: highlight(snippet, pieces),
      tags: [kind, ...tags.slice(0, 2)].map(escapeHtml),
    };
    if (!parent) return [item];
    return [{ location: parent[0], title: escapeHtml(parent[1]), text: "", score: hit.score,
              terms }, item];
  });
}

async function search(query) {
  const pairs = queryTerms(query);
  if (!pairs.length) return { items: [] };  // Material asks once with "" when it starts
  // the manifest (domain terms) and the pairs' shards in one round, when the layout is known
  const manifest = loaded.manifest ? [] : ["manifest.js"];
  if (!loaded.layout) {
    await loadScripts(manifest);
    loaded.layout = loaded.manifest;
  }
  const pairPostings = await postingsOf(pairs, loaded.manifest ? [] : manifest);
  const { exact, prefix } = domainTerms(query, loaded.manifest.domain);
  const domainPostings = await postingsOf([...exact, ...prefix]);
  const extra = [
    ...exact.map((_, i) => [domainPostings[i], 2]),
    ...prefix.map((_, i) => [domainPostings[exact.length + i], 0.5]),
  ];
  const hits = rank(pairs, pairPostings, extra, loaded.manifest.docs).slice(0, MAX_RESULTS);
  const rows = await documents(hits.map(hit => hit.id));
  return { items: resultItems(query, hits, rows, pairs), suggest: prefix.slice(0, 1) };
}

addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    loaded.layout = (message.data.config || {}).kb || null;  // from search_index.json
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    let data;
    try {
      data = await search(message.data);
    } catch (error) {
      console.warn("搜索出错：", error);
      data = { items: [] };
    }
    postMessage({ type: RESULT, data });
  }
});
