/**
 * Okapi BM25 over chunks, as SQL with parameters (query, query, k1, b, ...access, limit);
 * `accessSql` is a condition over `chunks c join files f`.
 *
 * - The question's words are OR-ed: requiring all of them finds almost nothing for natural
 *   questions.
 * - tf is the number of positions of a lexeme in the chunk; setweight + ts_filter cut each
 *   matching tsvector down to the query's lexemes in C before it is unnested.
 * - Document frequencies are counted over every matching chunk before the access filter, so,
 *   like the chunk count and average length from `chunk_text_stats`, they describe the whole
 *   corpus and a reader's scores do not depend on which slice of it they may see.
 * - idf is Lucene's, which never goes negative; a word repeated in the question counts again.
 */
export function bm25SearchSql(columns: string, accessSql: string): string {
  return `
  with terms as (
    select lexeme, cardinality(positions) as query_tf from unnest(to_tsvector('english', ?))
  ), q as (
    select nullif(replace(plainto_tsquery('english', ?)::text, '&', '|'), '')::tsquery as query,
           array(select lexeme from terms) as lexemes
  ), params as (
    select ?::float8 as k1, ?::float8 as b, s.chunk_count::float8 as n,
           greatest(s.total_length::float8 / greatest(s.chunk_count, 1), 1) as avg_length
      from chunk_text_stats s
  ), hits as (
    select c.id, t.lexeme, cardinality(t.positions)::float8 as tf, c.tsv_length, ${accessSql} as readable
      from q, chunks c join files f on f.id = c.file_id,
           unnest(ts_filter(setweight(setweight(c.tsv, 'D'), 'A', q.lexemes), '{a}')) t
     where c.tsv @@ q.query
  ), weights as (
    select h.lexeme, terms.query_tf * ln(1 + (p.n - count(*) + 0.5) / (count(*) + 0.5)) as idf
      from hits h join terms using (lexeme), params p
     group by h.lexeme, terms.query_tf, p.n
  ), scored as (
    select h.id, sum(w.idf * h.tf * (p.k1 + 1) / (h.tf + p.k1 * (1 - p.b + p.b * h.tsv_length / p.avg_length))) as score
      from hits h join weights w using (lexeme), params p
     where h.readable
     group by h.id
     order by score desc, h.id
     limit ?
  )
  select ${columns}, s.score
    from scored s join chunks c on c.id = s.id join files f on f.id = c.file_id
   order by s.score desc, c.id`;
}
