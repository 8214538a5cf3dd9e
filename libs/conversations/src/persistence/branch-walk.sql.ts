import type { BranchOrder } from '../conversations.ports';

/*
 * A conversation's branch, walked one message at a time by recursive CTEs. PostgreSQL computes a
 * recursive CTE only as far as its reader pulls rows, so a page of 20 reads about 20 messages
 * however long the conversation is, each step one probe of `messages_branch_step` (a child) or
 * of the primary key (a parent).
 *
 * The version shown at each point is the sibling chosen last (selected_at, then created_at,
 * then id, highest first), as `activeBranch` in the domain says; siblings always share a role.
 */
const SHOWN_FIRST = 'order by m.selected_at desc, m.created_at desc, m.id desc limit 1';

/** The version shown among `step`'s children. */
const shownChildOf = (step: string) => `(select m.* from messages m where m.conversation_id = ${step}.conversation_id and m.parent_id = ${step}.id ${SHOWN_FIRST})`;

/**
 * Where the shown branch ends: down from the version chosen last (every write and every switch
 * chooses the whole path to a message, so that one is on the shown branch) by shown children.
 * Usually that version is the end itself; after switching to an early version, the walk goes
 * down the branch under it.
 */
const TIP = `
  latest as (select m.*, 0 as depth from messages m where m.conversation_id = ? ${SHOWN_FIRST}),
  down as (
    select * from latest
    union all
    select c.*, d.depth + 1 from down d cross join lateral ${shownChildOf('d')} c
  )`;

/** Up from a message by its parents: that message's branch, newest first. */
const upFrom = (start: string) => `
  walk as (
    select m.*, 1 as step from messages m where m.id = (${start})
    union all
    select p.*, w.step + 1 from walk w join messages p on p.id = w.parent_id
  )`;

/** Down from the root or from a message by shown children: the branch, oldest first. */
const downFrom = (parent: 'root' | 'message') => `
  walk as (
    select s.*, 1 as step from (select m.* from messages m where m.conversation_id = ? and m.parent_id ${parent === 'root' ? 'is null' : '= ?'} ${SHOWN_FIRST}) s
    union all
    select c.*, w.step + 1 from walk w cross join lateral ${shownChildOf('w')} c
  )`;

// A message's versions: its parent's children (or, for a first message, the conversation's first
// messages), oldest first. The first arm finds nothing only for a first message.
const SIBLINGS = `
  coalesce(
    (select array_agg(s.id order by s.created_at, s.id) from messages s where s.conversation_id = w.conversation_id and s.parent_id = w.parent_id),
    (select array_agg(s.id order by s.created_at, s.id) from messages s where s.conversation_id = w.conversation_id and s.parent_id is null)
  ) as sibling_ids`;

const page = (ctes: string) => `with recursive ${ctes}
  select w.*, ${SIBLINGS} from (select * from walk limit ?) w order by w.step`;

/**
 * The statement and its parameters for a page of the shown branch: from its end (`newest`) or
 * its start (`oldest`), or on from the message `after` (a previous page's last).
 */
export function branchPageSql(conversationId: string, order: BranchOrder, after: string | null, limit: number | null): { sql: string; params: unknown[] } {
  if (order === 'newest' && after === null) {
    return { sql: page(`${TIP}, ${upFrom('select id from down order by depth desc limit 1')}`), params: [conversationId, limit] };
  }
  if (order === 'newest') {
    return { sql: page(upFrom('select parent_id from messages where id = ? and conversation_id = ?')), params: [after, conversationId, limit] };
  }
  if (after === null) return { sql: page(downFrom('root')), params: [conversationId, limit] };
  return { sql: page(downFrom('message')), params: [conversationId, after, limit] };
}

/** Where the shown branch ends, the one message the next question follows. */
export const SHOWN_TIP_SQL = `with recursive ${TIP} select * from down order by depth desc limit 1`;

/**
 * A message and those before it on its branch, newest first, until the text the model would be
 * given (not failed, not streaming, not blank: what the history keeps) passes the bound; the
 * message that passes it is the last one read.
 */
export const LINEAGE_SQL = `
  with recursive walk as (
    select m.*, 1 as step, case when m.status in ('complete', 'interrupted') and m.content ~ '\\S' then char_length(m.content) else 0 end as chars
      from messages m where m.id = ?
    union all
    select p.*, w.step + 1, w.chars + case when p.status in ('complete', 'interrupted') and p.content ~ '\\S' then char_length(p.content) else 0 end
      from walk w join messages p on p.id = w.parent_id
     where w.chars <= ?
  )
  select * from walk order by step`;

/**
 * Chooses a message and every message before it that has other versions, all at one instant,
 * so the whole path to it is shown (and the latest-chosen version is on the shown branch).
 */
export const CHOOSE_PATH_SQL = `
  with recursive path as (
    select m.id, m.parent_id, m.conversation_id from messages m where m.id = ?
    union all
    select p.id, p.parent_id, p.conversation_id from path w join messages p on p.id = w.parent_id
  )
  update messages m set selected_at = ?
    from path
   where m.id = path.id
     and (m.id = ? or exists (
       select 1 from messages s
        where s.conversation_id = path.conversation_id and s.id <> path.id
          and (s.parent_id = path.parent_id or (s.parent_id is null and path.parent_id is null))))`;
