// More documents like SciFact's, made from SciFact itself, for the scale suite's larger corpora.
//
// Each generated document takes one original abstract as its topic and is written from the
// sentences of that topic's nearest abstracts (cosine over TF-IDF of their words, a cheap
// lexical sense of "same topic"), a few sentences from each and in a new order, under a title
// made of the halves of two of their titles. So every one is distinct in bytes (the upload's
// sha256 dedupe sees no copy) and in content (no vector repeats), and sits on a topic the test
// queries ask about, as a growing corpus's new documents would.
//
// Sentences come only from abstracts no query judges (train or test): a generated document
// never repeats a judged document's evidence, so the qrels, which judge the originals alone,
// stay complete, and a drop in nDCG is the search's, not unjudged relevant documents'.
//
// Deterministic: a fixed seed and a fixed order, so every run grows the same corpus.

const SEED = 20261130;
const NEIGHBOURS = 12;
const TOP_TERMS = 40;
const MIN_SENTENCES = 3;
const MAX_SENTENCES = 12;
const STOP = new Set(
  'the and for with that this from were was are which have has had been not but than their these those they its our into between among after before during under over also both each such more most less other only can may could would should will all any there here when where while about study studies results result using used use based patients patient'.split(
    ' ',
  ),
);

/** mulberry32: a small, fast, well-distributed seeded generator. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text) => (text.toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? []).filter((w) => !STOP.has(w));
export const sentencesOf = (text) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z([])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20);

/** Each document's nearest others by cosine over their top TF-IDF terms: index lists, best first. */
function nearestNeighbours(docs, count) {
  const tokens = docs.map((doc) => words(`${doc.title} ${doc.title} ${doc.text}`));
  const df = new Map();
  for (const list of tokens) for (const word of new Set(list)) df.set(word, (df.get(word) ?? 0) + 1);
  const vectors = tokens.map((list) => {
    const tf = new Map();
    for (const word of list) tf.set(word, (tf.get(word) ?? 0) + 1);
    const weighted = [...tf].map(([word, n]) => [word, (1 + Math.log(n)) * Math.log(docs.length / df.get(word))]);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return top.map(([word, w]) => [word, w / norm]);
  });
  const postings = new Map();
  vectors.forEach((vector, doc) => {
    for (const [word, w] of vector) {
      if (!postings.has(word)) postings.set(word, []);
      postings.get(word).push([doc, w]);
    }
  });
  return vectors.map((vector, doc) => {
    const scores = new Map();
    for (const [word, w] of vector) {
      for (const [other, v] of postings.get(word)) if (other !== doc) scores.set(other, (scores.get(other) ?? 0) + w * v);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, count)
      .map(([other]) => other);
  });
}

/**
 * `count` generated documents ({_id, title, text}), the k-th taking original k mod n as its topic.
 * `judged` holds the ids of documents any query judges; their sentences are never reused.
 */
export function growScifact(corpus, count, judged) {
  const usable = corpus.map((doc) => !judged.has(String(doc._id)));
  const sentences = corpus.map((doc, i) => (usable[i] ? sentencesOf(doc.text) : []));
  const neighbours = nearestNeighbours(corpus, 3 * NEIGHBOURS);
  const next = random(SEED);
  const seen = new Set(corpus.map((doc) => `${doc.title}\n\n${doc.text}`));
  const generated = [];
  for (let k = 0; generated.length < count; k++) {
    const topic = k % corpus.length;
    // The topic itself and its nearest abstracts, those no query judges.
    const pool = [topic, ...neighbours[topic]].filter((i) => sentences[i].length > 0).slice(0, NEIGHBOURS);
    if (pool.length < 2) continue;
    const wanted = Math.min(MAX_SENTENCES, Math.max(MIN_SENTENCES, sentencesOf(corpus[topic].text).length));
    const perSource = Math.max(1, Math.ceil(wanted / 3));
    const taken = new Map();
    const chosen = [];
    for (let attempt = 0; chosen.length < wanted && attempt < wanted * 20; attempt++) {
      const source = pool[Math.floor(next() * pool.length)];
      const used = taken.get(source) ?? new Set();
      if (used.size >= perSource) continue;
      const index = Math.floor(next() * sentences[source].length);
      if (used.has(index)) continue;
      used.add(index);
      taken.set(source, used);
      chosen.push(sentences[source][index]);
    }
    if (chosen.length < MIN_SENTENCES) continue;
    const [first, second] = twoOf(pool, next);
    const title = `${halfOf(corpus[first].title, 'first')} ${halfOf(corpus[second].title, 'second')}`.replace(/\s+/g, ' ').trim();
    const text = chosen.join(' ');
    const body = `${title}\n\n${text}`;
    if (seen.has(body)) continue;
    seen.add(body);
    generated.push({ _id: `grown-${String(generated.length + 1).padStart(6, '0')}`, title, text, topic: String(corpus[topic]._id) });
  }
  return generated;
}

function twoOf(pool, next) {
  const first = pool[Math.floor(next() * pool.length)];
  let second = first;
  while (second === first) second = pool[Math.floor(next() * pool.length)];
  return [first, second];
}

function halfOf(title, which) {
  const parts = title.replace(/[.]$/, '').split(/\s+/);
  const middle = Math.ceil(parts.length / 2);
  return (which === 'first' ? parts.slice(0, middle) : parts.slice(middle)).join(' ');
}
