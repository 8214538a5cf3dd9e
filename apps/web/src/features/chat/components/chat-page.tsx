import { useCallback, useState } from 'react';
import { PlusIcon } from '@/components/icons';
import { Link, Outlet, useNavigate, useOutletContext, useParams } from 'react-router';
import { Loading, Notice } from '@/components/notice';
import { ApiError, describeError } from '@/lib/api/errors';
import { useAttachments } from '../api/attachments';
import { useConversation, useShowVersion } from '../api/conversations';
import { isLive, useChatTurn, type Fork } from '../hooks/use-chat-turn';
import { AttachDropZone, AttachmentList } from './attachments';
import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { ConversationList } from './conversation-list';
import { MessageList } from './message-list';

const EXAMPLES = ['How quickly must an on-call page be acknowledged?', 'How many days a week may I work from home?', 'When are deployments not allowed?'];

type ChatContext = ReturnType<typeof useChatTurn> & { closeList: () => void };

/**
 * Conversations on the side and the open one beside them. The answer being streamed lives
 * here, above the conversation's own route, so moving from /chat to /chat/:id as the server
 * names a new conversation never interrupts it.
 */
export function ChatLayout() {
  const [listOpen, setListOpen] = useState(false);
  const navigate = useNavigate();
  // A question asked in a new chat moves the page to its conversation as soon as the server
  // names it, unless the person has gone elsewhere meanwhile.
  const chat = useChatTurn((id) => {
    if (window.location.pathname === '/chat') navigate(`/chat/${id}`, { replace: true, flushSync: true });
  });
  const closeList = useCallback(() => setListOpen(false), []);
  const context: ChatContext = { ...chat, closeList };
  return (
    <div className="chat-layout">
      <aside className={`conversations${listOpen ? ' open' : ''}`} aria-label="Conversations">
        <div className="conversations-top">
          <Link to="/chat" className="button primary wide" onClick={() => setListOpen(false)}>
            <PlusIcon />
            New chat
          </Link>
          <button type="button" className="button ghost small wide show-narrow" onClick={() => setListOpen(false)}>
            Back to the chat
          </button>
        </div>
        <ConversationList onPick={closeList} />
      </aside>
      <section className="chat-main">
        <button type="button" className="button ghost small show-narrow conversations-toggle" aria-expanded={listOpen} onClick={() => setListOpen(!listOpen)}>
          Conversations
        </button>
        <Outlet context={context} />
      </section>
    </div>
  );
}

/** The open conversation (or a new one) and the question box below it. */
export function ChatPage() {
  const { conversationId = null } = useParams();
  const { turn, send, stop, dismiss, stepsByAnswer } = useOutletContext<ChatContext>();
  const turnHere = turn && turn.conversationId === conversationId ? turn : null;
  // A conversation the live answer has just created holds only what the stream shows; the turn
  // reads it once the first words are painted, so the page does not ask for it before then.
  const conversation = useConversation(conversationId, !(turnHere?.startsConversation && isLive(turnHere)));

  const live = isLive(turn);
  const lastFilters = turnHere?.filters;
  const attached = useAttachments(conversationId);
  const unasked = attached.data?.unasked;
  const navigate = useNavigate();
  const openConversation = useCallback((id: string) => void navigate(`/chat/${id}`), [navigate]);

  // Stable while the answer streams, so the composer does not render again for every word.
  const ask = useCallback(
    (question: string, filters = lastFilters, fork: Fork | null = null) => {
      if (live) return false;
      // Attachments added since the last question go with a new question, not with a regenerate or an edit.
      void send(question, conversationId, filters, fork, fork ? undefined : unasked);
    },
    [live, send, conversationId, lastFilters, unasked],
  );
  const onStop = useCallback(() => void stop(), [stop]);
  const onFork = useCallback((question: string, fork: Fork) => ask(question, lastFilters, fork), [ask, lastFilters]);
  const onAskAgain = useCallback((question: string, fork: Fork | null) => ask(question, lastFilters, fork), [ask, lastFilters]);
  const showVersion = useShowVersion(conversationId ?? '');
  const onShowVersion = useCallback((messageId: string) => showVersion.mutate(messageId), [showVersion]);

  const notFound = conversation.error instanceof ApiError && (conversation.error.status === 404 || conversation.error.status === 400);
  return (
    <>
      {conversationId && conversation.data && <ConversationHeader id={conversationId} title={conversation.data.title} />}
      <div className="chat-scroll">
        {conversationId && conversation.isPending && !turnHere && <Loading label="Loading the conversation…" />}
        {notFound && <Notice action={<Link to="/chat">Start a new chat</Link>}>This conversation does not exist or was deleted.</Notice>}
        {conversation.isError && !notFound && (
          <Notice
            action={
              <button type="button" className="button small" onClick={() => void conversation.refetch()}>
                Try again
              </button>
            }
          >
            Could not load the conversation. {describeError(conversation.error)}
          </Notice>
        )}
        {!conversationId && !turnHere && <Welcome onPick={(q) => ask(q, undefined)} />}
        {showVersion.isError && <Notice>Could not switch versions. {describeError(showVersion.error)}</Notice>}
        {(conversation.data || turnHere) && (
          <MessageList
            messages={conversation.data?.messages ?? []}
            turn={turnHere}
            stepsByAnswer={stepsByAnswer}
            busy={live || showVersion.isPending}
            onAskAgain={onAskAgain}
            onFork={onFork}
            onShowVersion={onShowVersion}
            onDismiss={dismiss}
          />
        )}
      </div>
      <AttachDropZone conversationId={conversationId} onConversation={openConversation}>
        <AttachmentList attachments={attached.data?.attachments ?? []} />
        <Composer streaming={turnHere != null && isLive(turnHere)} stopping={turnHere?.phase === 'stopping'} blocked={live || notFound} onSend={ask} onStop={onStop} />
      </AttachDropZone>
    </>
  );
}

function Welcome({ onPick }: { onPick: (question: string) => void }) {
  return (
    <div className="welcome">
      <h1>What would you like to know?</h1>
      <p className="muted">Answers come from the documents your department can see, with a source for every claim.</p>
      <ul className="examples" aria-label="Example questions">
        {EXAMPLES.map((q) => (
          <li key={q}>
            <button type="button" className="example" onClick={() => onPick(q)}>
              {q}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
