/**
 * Okapi BM25 over chunks, as SQL with parameters (query, expansion words, their weights, k1, b,
 * shortlist, ...access, limit); `columns` is a select list and `accessSql` a condition, both over
 * `chunks c join files f`.
 *
 * - The question's words are OR-ed: requiring all of them finds almost nothing for natural
 *   questions.
 * - Expansion words (related words of the question's, e.g. "roll" for "rollout") are analysed
 *   like the question and count with their weight (below 1) in place of the question's count;
 *   a lexeme the question has itself keeps the question's count only, and one reached by
 *   several expansions counts once, at its highest weight.
 * - Each word's postings come from `chunk_terms`: the chunks holding it, its count in each (the
 *   number of its positions in the tsvector) and the chunk's length.
 * - A word's document frequency is the count of its postings, read per word from the index:
 *   its idf is computed once per word, and the postings need no sort to be counted.
 * - Every candidate is scored; the result is the first `limit` in score order that pass the
 *   access rule, so a chunk the reader may not see neither shows nor takes a place. Only the
 *   best `shortlist` candidates are sorted and checked: a bounded sort instead of sorting the
 *   ~3,000 candidates of a typical question, 14 % of the query's time. `shortlisted` says how
 *   many there were, so the caller can tell a short answer cut short by the shortlist and ask
 *   again with a null `shortlist`, which sorts them all.
 * - Document frequencies are counted before the access check, so, like the chunk count and
 *   average length from `chunk_text_stats`, they describe the whole corpus and a reader's
 *   scores do not depend on which slice of it they may see.
 * - idf is Lucene's, which never goes negative; a word repeated in the question counts again.
 * - Each word's weight is computed once, in float8, before its postings are read: inlined, the
 *   logarithm ran for every posting, in numeric (`count(*) + 0.5`), and the query took ~70 % longer.
 *   The weight also carries the constants of the length normalisation, so the postings join needs
 *   no other relation and each posting costs four float operations (~4 % of the query).
 * - `limit 1` on the one-row stats table tells the planner so; without it the planner guessed
 *   1,810 rows and, weights materialized, chose a plan ten times slower.
 */
export function bm25SearchSql(columns: string, accessSql: string): string {
  return `
  with asked as (
    select lexeme collate "C" as lexeme, cardinality(positions)::float8 as query_tf from unnest(to_tsvector('english', ?))
  ), terms as (
    select lexeme, query_tf from asked
     union all
    select e.lexeme collate "C", max(x.weight)
      from unnest(?::text[], ?::float8[]) as x(word, weight)
     cross join lateral unnest(to_tsvector('english', x.word)) e
     where e.lexeme collate "C" not in (select lexeme from asked)
     group by e.lexeme collate "C"
  ), corpus as (
    select ?::float8 as k1, ?::float8 as b, s.chunk_count::float8 as n,
           greatest(s.total_length::float8 / greatest(s.chunk_count, 1), 1) as avg_length
      from chunk_text_stats s
     limit 1
  ), weighted as materialized (
    select t.lexeme,
           t.query_tf * ln(1 + (n - d.df + 0.5) / (d.df + 0.5)) * (k1 + 1) as weight,
           k1 * (1 - b) as flat_norm,
           k1 * b / avg_length as length_norm
      from terms t
     cross join corpus
     cross join lateral (select count(*)::float8 as df from chunk_terms p where p.lexeme = t.lexeme) d
  ), scored as materialized (
    select p.chunk_id, sum(w.weight * p.tf / (p.tf + w.flat_norm + w.length_norm * p.chunk_length)) as score
      from weighted w join chunk_terms p using (lexeme)
     group by p.chunk_id
     order by score desc, p.chunk_id
     limit ?
  )
  select c.*, s.score, (select count(*) from scored) as shortlisted
    from scored s
   cross join lateral (
     select ${columns} from chunks c join files f on f.id = c.file_id where c.id = s.chunk_id and ${accessSql}
   ) c
   -- Without this a hash join may return chunks in table order; PostgreSQL knows the CTE is
   -- sorted, so a nested loop over it still stops at the limit.
   order by s.score desc, s.chunk_id
   limit ?`;
}
