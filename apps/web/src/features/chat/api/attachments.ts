import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Attachment, FileRecord } from '@/lib/api/types';
import { uploadForm } from '@/lib/upload';
import { conversationKeys } from './conversations';

const settled = (attachment: Attachment) => attachment.status === 'ready' || attachment.status === 'failed';

/**
 * A conversation's attachments, read with the conversation itself (one cache entry), again every
 * second while one of them is still being ingested.
 */
export function useAttachments(conversationId: string | null) {
  return useQuery({
    queryKey: conversationKeys.one(conversationId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}', { params: { path: { id: conversationId ?? '' } } })),
    enabled: conversationId != null,
    select: (conversation) => ({
      attachments: conversation.attachments,
      // Attached since the last question: what the next one is asked with.
      unasked: conversation.attachments.filter((a) => !conversation.messages.some((m) => m.attachmentIds.includes(a.id))).map((a) => a.id),
    }),
    refetchInterval: (query) => ((query.state.data?.attachments.every(settled) ?? true) ? false : 1000),
  });
}

export const attachFile = (conversationId: string, file: File) => uploadForm<FileRecord>(`/api/v1/conversations/${conversationId}/attachments`, [['file', file, file.name]], () => undefined);

/** A conversation for a first attachment, before any question names one. */
export const startConversation = () => unwrap(api.POST('/api/v1/conversations', { body: {} }));
