/* How search reads a query, exactly as its Python model tests/search/query_model.py does (a
 * browser test compares the two): folded to simplified characters, pinyin read as a known
 * word, cut into known words with question words dropped, each piece matched by its own
 * character pairs and synonyms, and a typo corrected to a known word that sounds the same or
 * is one character off.
 * Loaded by the search worker (kb-search.js); the vocabulary is the manifest's. */
"use strict";

self.kbQuery = (() => {
  const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  const MAX_WORD = 12;

  const isChinese = text => text.length > 0 && text[0] >= "\u3400";
  const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

  class Vocabulary {
    constructor(manifest) {
      this.words = manifest.words;
      this.synonyms = manifest.synonyms;
      this.pinyin = manifest.pinyin;
      this.fold = new Map();
      for (let i = 0; i + 1 < manifest.fold.length; i += 2)
        this.fold.set(manifest.fold[i], manifest.fold[i + 1]);
      this.known = new Map();
      for (const word of Object.keys(this.words)) this.known.set(word, "word");
      for (const word of manifest.stop) this.known.set(word, "stop");
      this.group = new Map();
      for (const group of this.synonyms) for (const word of group) this.group.set(word, group);
      this.spelled = new Map();
      for (const word of Object.keys(this.pinyin).sort(byCodePoint)) {
        const parts = this.pinyin[word].split(" ");
        for (const key of [parts.join(""), parts.map(p => p[0]).join("")]) {
          if (!this.spelled.has(key)) this.spelled.set(key, []);
          this.spelled.get(key).push(word);
        }
      }
    }

    byWeight(words) {
      const weight = word => this.words[word] || 0;
      return [...new Set(words)].sort((a, b) => weight(b) - weight(a) || byCodePoint(a, b));
    }

    spelledAs(letters) {
      return this.byWeight(this.spelled.get(letters) || []);
    }
  }

  function normalise(text, fold) {
    let out = "";
    for (const character of text.normalize("NFKC").toLowerCase())
      out += fold.get(character) || character;
    return out;
  }

  function parse(text, vocabulary) {
    const normal = normalise(text, vocabulary.fold);
    const runs = [...normal.matchAll(RUN)];
    const letters = runs.map(run => run[0]).join("");
    if (runs.length && /^[a-z]+$/.test(letters)) {
      const spelled = vocabulary.spelledAs(letters);
      if (spelled.length) {
        const piece = { text: spelled[0], start: 0, known: true, alternatives: spelled.slice(1) };
        return { text: normal, pieces: [piece], spelled: spelled[0] };
      }
    }
    let pieces = [];
    for (const run of runs) {
      if (!isChinese(run[0])) {
        pieces.push({ text: run[0], start: run.index, known: false, alternatives: [] });
        continue;
      }
      for (const [start, word, kind] of segment(run[0], vocabulary.known)) {
        if (kind === "stop") continue;
        const others = (vocabulary.group.get(word) || []).filter(other => other !== word);
        pieces.push({ text: word, start: run.index + start, known: kind === "word",
                      alternatives: others });
      }
    }
    if (pieces.some(piece => piece.text.length > 1))  // a lone character left is noise
      pieces = pieces.filter(piece => piece.text.length > 1 || !isChinese(piece.text));
    const seen = new Set();
    pieces = pieces.filter(piece => !seen.has(piece.text) && seen.add(piece.text));
    return { text: normal, pieces, spelled: "" };
  }

  function segment(run, known) {
    const out = [];
    let rest = 0, i = 0;
    while (i < run.length) {
      let size = 0;
      for (let n = Math.min(MAX_WORD, run.length - i); n > 0; n--) {
        const kind = known.get(run.slice(i, i + n));
        if (kind && (n > 1 || kind === "stop")) { size = n; break; }
      }
      if (!size) { i++; continue; }
      if (rest < i) out.push([rest, run.slice(rest, i), "rest"]);
      out.push([i, run.slice(i, i + size), known.get(run.slice(i, i + size))]);
      i += size;
      rest = i;
    }
    if (rest < run.length) out.push([rest, run.slice(rest), "rest"]);
    return out;
  }

  function pairs(text) {
    if (!isChinese(text) || text.length < 2) return [text];
    const out = [];
    for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
    return out;
  }

  /* The query with one known word put where a piece holds a pair no page has, or null. */
  function correction(query, vocabulary, exists, readings) {
    for (const piece of query.pieces) {
      if (piece.known || !isChinese(piece.text) || piece.text.length < 2) continue;
      const unknown = pairs(piece.text).map((pair, i) => (exists(pair) ? -1 : i))
        .filter(i => i >= 0);
      if (!unknown.length) continue;
      const found = replacement(piece.text, unknown, vocabulary, readings);
      if (found) {
        const [at, size, word] = found, start = piece.start + at;
        return query.text.slice(0, start) + word + query.text.slice(start + size);
      }
    }
    return null;
  }

  function replacement(text, unknown, vocabulary, readings) {
    for (const alike of [soundsAlike, oneOff]) {
      for (let size = Math.min(MAX_WORD, text.length); size > 1; size--) {
        for (let start = 0; start + size <= text.length; start++) {
          if (!unknown.some(i => start <= i && i + 1 < start + size)) continue;
          const window = text.slice(start, start + size);
          const words = Object.keys(vocabulary.words).filter(word => word.length === size
            && word !== window && alike(window, word, vocabulary, readings));
          if (words.length) return [start, size, vocabulary.byWeight(words)[0]];
        }
      }
    }
    return null;
  }

  function soundsAlike(window, word, vocabulary, readings) {
    const syllables = (vocabulary.pinyin[word] || "").split(" ").filter(Boolean);
    return syllables.length === word.length
      && syllables.every((syllable, i) => readings(window[i]).has(syllable));
  }

  function oneOff(window, word) {
    let differ = 0;
    for (let i = 0; i < word.length; i++) if (window[i] !== word[i]) differ++;
    return word.length >= 3 && differ === 1;
  }

  /* readings(character) from the table search/readings.js carries (syllable → characters). */
  function readerOf(table) {
    const byCharacter = new Map();
    for (const [sound, characters] of Object.entries(table))
      for (const character of characters) {
        if (!byCharacter.has(character)) byCharacter.set(character, new Set());
        byCharacter.get(character).add(sound);
      }
    return character => byCharacter.get(character) || new Set();
  }

  return { Vocabulary, normalise, parse, segment, pairs, correction, readerOf, isChinese };
})();
