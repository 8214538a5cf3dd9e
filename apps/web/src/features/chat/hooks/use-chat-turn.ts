import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiError, describeError } from '@/lib/api/errors';
import type { ChatEvent, ChatFilters, Citation } from '@/lib/api/types';
import { readEvents } from '@/lib/sse';
import { openChatStream, stopGeneration, type TurnRequest } from '../api/chat';
import { conversationKeys, loadConversation, refreshConversation } from '../api/conversations';

type TurnPhase = 'sending' | 'streaming' | 'stopping' | 'done' | 'stopped' | 'failed' | 'refused' | 'dropped';

/**
 * A new version of an earlier turn instead of the next question: a regenerated answer (to the
 * question `questionId`) or an edited question. The stored messages from that question on give
 * way to the turn while it streams.
 */
export type Fork = { kind: 'regenerate'; assistantMessageId: string; questionId: string } | { kind: 'edit'; userMessageId: string };

/** The question being answered right now, as the stream tells it. */
export type Turn = {
  key: number;
  question: string;
  filters: ChatFilters | undefined;
  conversationId: string | null;
  /** Asked without a conversation: the server creates one and names it in `meta`. */
  startsConversation: boolean;
  /** The stored message from which the turn takes the place of what is stored, for a fork. */
  replacesFrom: string | null;
  fork: Fork | null;
  userMessageId: string | null;
  assistantMessageId: string | null;
  text: string;
  steps: string[];
  citations: Citation[];
  phase: TurnPhase;
  error: string | null;
};

const LIVE: TurnPhase[] = ['sending', 'streaming', 'stopping'];
export const isLive = (turn: Turn | null) => turn != null && LIVE.includes(turn.phase);

/**
 * Sends a question and follows its SSE stream: meta, status steps, tokens, citations, then done
 * or error. What was streamed stays on screen whatever ends the stream; once it has ended the
 * conversation is read again, and the turn gives way to the stored messages.
 *
 * The first words go on screen as they arrive. Later tokens come faster than the screen paints:
 * they are gathered and the answer grows once a frame, rendered (markdown and all) just before
 * that frame's paint rather than once a token. The conversation list, and a new conversation
 * itself, are read only once the first words are painted, so neither request competes with
 * them for the server or the page.
 */
export function useChatTurn(onNewConversation: (id: string) => void) {
  const queries = useQueryClient();
  const [turn, setTurn] = useState<Turn | null>(null);
  // The steps of answers given in this visit, kept after the stored message replaces the turn
  // (the server does not store them).
  const [stepsByAnswer, setStepsByAnswer] = useState<Record<string, string[]>>({});
  const abort = useRef<AbortController | null>(null);
  const keys = useRef(0);
  const latest = useRef<Turn | null>(null);
  const onNewConversationRef = useRef(onNewConversation);
  useEffect(() => {
    onNewConversationRef.current = onNewConversation;
    latest.current = turn;
  });

  useEffect(() => () => abort.current?.abort(), []);

  const send = useCallback(
    async (question: string, conversationId: string | null, filters?: ChatFilters, fork: Fork | null = null, attachmentIds?: string[]) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const key = ++keys.current;
      const update = (change: (t: Turn) => Partial<Turn>) => setTurn((t) => (t && t.key === key ? { ...t, ...change(t) } : t));
      const replacesFrom = fork ? (fork.kind === 'regenerate' ? fork.questionId : fork.userMessageId) : null;
      setTurn({
        key,
        question,
        filters,
        conversationId,
        startsConversation: !conversationId,
        replacesFrom,
        fork,
        userMessageId: null,
        assistantMessageId: null,
        text: '',
        steps: [],
        citations: [],
        phase: 'sending',
        error: null,
      });

      let finished = false;
      let current = conversationId;
      let unshown = '';
      let frame = 0;
      let shownAny = false;
      const takeUnshown = () => {
        cancelAnimationFrame(frame);
        frame = 0;
        const text = unshown;
        unshown = '';
        return text;
      };
      // The words not on screen yet go into the next render, with whatever comes after them.
      const addUnshown = () => {
        const text = takeUnshown();
        if (text) update((t) => ({ text: t.text + text }));
      };
      const showTokens = () => {
        frame = 0;
        const text = takeUnshown();
        if (!text || controller.signal.aborted) return;
        flushSync(() => update((t) => ({ text: t.text + text })));
        // A task queued from an animation frame runs once that frame is painted.
        if (!shownAny) requestAnimationFrame(() => setTimeout(afterFirstWords));
        shownAny = true;
      };
      const afterFirstWords = () => {
        if (controller.signal.aborted) return;
        void queries.invalidateQueries({ queryKey: conversationKeys.list });
        if (!conversationId && current) void loadConversation(queries, current);
      };
      try {
        const response = await openChatStream(requestOf(question, conversationId, filters, fork, attachmentIds), controller.signal);
        for await (const message of readEvents(response)) {
          const event = message as ChatEvent;
          if (event.event === 'token') {
            unshown += event.data.text;
            if (shownAny) frame ||= requestAnimationFrame(showTokens);
            else showTokens();
            continue;
          }
          addUnshown();
          switch (event.event) {
            case 'meta':
              current = event.data.conversationId;
              // Committed at once, then the page moves to the new conversation at once: a route
              // change left to a transition keeps being put off by the tokens' renders, and
              // until it lands the answer belongs to a page that is not shown.
              flushSync(() =>
                update(() => ({ conversationId: event.data.conversationId, userMessageId: event.data.userMessageId, assistantMessageId: event.data.assistantMessageId, phase: 'streaming' })),
              );
              if (!conversationId) onNewConversationRef.current(event.data.conversationId);
              break;
            case 'status':
              update((t) => ({ steps: t.steps.at(-1) === event.data.step ? t.steps : [...t.steps, event.data.step] }));
              break;
            case 'citations':
              update(() => ({ citations: event.data.citations }));
              break;
            case 'done':
              finished = true;
              update(() => ({ phase: event.data.finishReason === 'stopped' ? 'stopped' : 'done' }));
              break;
            case 'error':
              finished = true;
              update(() => ({ phase: 'failed', error: errorEventText(event.data.code, event.data.message) }));
              break;
          }
        }
        addUnshown();
        if (!finished) update(() => ({ phase: 'dropped', error: 'The connection was lost before the answer finished.' }));
      } catch (error) {
        if (controller.signal.aborted) return void takeUnshown();
        addUnshown();
        if (error instanceof ApiError && !finished && error.status > 0) update(() => ({ phase: 'refused', error: describeError(error) }));
        else update(() => ({ phase: 'dropped', error: 'The connection was lost before the answer finished.' }));
      }
      if (current) {
        await Promise.all([refreshConversation(queries, current), queries.invalidateQueries({ queryKey: conversationKeys.list })]);
      }
      // Once the stored conversation has the answer, the stored copy is shown; a refusal stays.
      setTurn((t) => {
        if (!t || t.key !== key || (t.phase !== 'done' && t.phase !== 'stopped')) return t;
        const { assistantMessageId, steps } = t;
        if (assistantMessageId && steps.length) setStepsByAnswer((all) => ({ ...all, [assistantMessageId]: steps }));
        return null;
      });
    },
    [queries],
  );

  // Reads the turn through a ref, so Stop is one function for the whole answer.
  const stop = useCallback(async () => {
    const turn = latest.current;
    const id = turn?.assistantMessageId;
    if (!id || !isLive(turn)) return;
    setTurn((t) => (t ? { ...t, phase: 'stopping' } : t));
    try {
      await stopGeneration(id);
    } catch (error) {
      // 409: it had already finished; the stream's own end says how.
      if (!(error instanceof ApiError && error.status === 409)) setTurn((t) => (t ? { ...t, phase: 'streaming', error: describeError(error) } : t));
    }
  }, []);

  const dismiss = useCallback(() => setTurn((t) => (isLive(t) ? t : null)), []);

  return { turn, send, stop, dismiss, stepsByAnswer };
}

function requestOf(question: string, conversationId: string | null, filters: ChatFilters | undefined, fork: Fork | null, attachmentIds?: string[]): TurnRequest {
  if (fork?.kind === 'regenerate') return { kind: 'regenerate', assistantMessageId: fork.assistantMessageId, filters };
  if (fork?.kind === 'edit') return { kind: 'edit', userMessageId: fork.userMessageId, message: question, filters };
  return { kind: 'ask', body: { message: question, ...(conversationId ? { conversationId } : {}), ...(filters ? { filters } : {}), ...(attachmentIds?.length ? { attachmentIds } : {}) } };
}

function errorEventText(code: string, message: string): string {
  if (code === 'server_shutting_down') return 'The server restarted before the answer finished.';
  return `The answer could not be finished: ${message || code}.`;
}
