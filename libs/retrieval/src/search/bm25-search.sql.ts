/**
 * Okapi BM25 over chunks, as SQL with parameters (query, k1, b, ...access, limit);
 * `columns` is a select list and `accessSql` a condition, both over `chunks c join files f`.
 *
 * - The question's words are OR-ed: requiring all of them finds almost nothing for natural
 *   questions.
 * - Each word's postings come from `chunk_terms`: the chunks holding it, its count in each (the
 *   number of its positions in the tsvector) and the chunk's length.
 * - Every candidate is scored; the result is the first `limit` in score order that pass the
 *   access rule, so a chunk the reader may not see neither shows nor takes a place.
 * - Document frequencies are the postings' counts before the access check, so, like the chunk
 *   count and average length from `chunk_text_stats`, they describe the whole corpus and a
 *   reader's scores do not depend on which slice of it they may see.
 * - idf is Lucene's, which never goes negative; a word repeated in the question counts again.
 */
export function bm25SearchSql(columns: string, accessSql: string): string {
  return `
  with terms as (
    select lexeme collate "C" as lexeme, cardinality(positions) as query_tf from unnest(to_tsvector('english', ?))
  ), params as (
    select ?::float8 as k1, ?::float8 as b, s.chunk_count::float8 as n,
           greatest(s.total_length::float8 / greatest(s.chunk_count, 1), 1) as avg_length
      from chunk_text_stats s
  ), postings as (
    select p.chunk_id, p.tf, p.chunk_length, terms.query_tf, count(*) over (partition by p.lexeme) as df
      from terms join chunk_terms p using (lexeme)
  ), scored as materialized (
    select p.chunk_id, sum(p.query_tf * ln(1 + (n - df + 0.5) / (df + 0.5)) * p.tf * (k1 + 1) / (p.tf + k1 * (1 - b + b * p.chunk_length / avg_length))) as score
      from postings p, params
     group by p.chunk_id
     order by score desc, p.chunk_id
  )
  select c.*, s.score
    from scored s
   cross join lateral (
     select ${columns} from chunks c join files f on f.id = c.file_id where c.id = s.chunk_id and ${accessSql}
   ) c
   -- Without this a hash join may return chunks in table order; PostgreSQL knows the CTE is
   -- sorted, so a nested loop over it still stops at the limit.
   order by s.score desc, s.chunk_id
   limit ?`;
}
