import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '@/lib/api/errors';
import type { FileRecord } from '@/lib/api/types';
import { fileKeys, uploadFile } from '../api/files';
import { followFile } from './use-file-events';

export type UploadItem = {
  key: number;
  name: string;
  size: number;
  phase: 'uploading' | 'ingesting' | 'ready' | 'failed' | 'duplicate' | 'refused';
  sent: number;
  file: FileRecord | null;
  message: string | null;
};

/** Every file dropped or picked on this page: its upload, then its ingestion, live. */
export function useUploads() {
  const queries = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const keys = useRef(0);
  const controllers = useRef(new Set<AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const start = useCallback(
    (files: File[], departmentId: string, visibility: 'department' | 'organization') => {
      for (const file of files) {
        const key = ++keys.current;
        const update = (change: Partial<UploadItem>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
        setItems((list) => [{ key, name: file.name, size: file.size, phase: 'uploading', sent: 0, file: null, message: null }, ...list]);
        const controller = new AbortController();
        controllers.current.add(controller);
        void (async () => {
          try {
            const { body } = await uploadFile(file, departmentId, visibility, (p) => update({ sent: p.total ? p.loaded / p.total : 0 }), controller.signal);
            void queries.invalidateQueries({ queryKey: fileKeys.all });
            if (body.duplicate) {
              update({ phase: 'duplicate', sent: 1, file: body, message: `Already uploaded as “${body.filename}” (${body.status}); not ingested again.` });
              return;
            }
            update({ phase: 'ingesting', sent: 1, file: body });
            const final = await followFile(body.id, (record) => update({ file: record }), controller.signal);
            update(final.status === 'ready' ? { phase: 'ready', file: final } : { phase: 'failed', file: final, message: final.error?.message ?? 'Ingestion failed.' });
          } catch (error) {
            if (controller.signal.aborted) return;
            setItems((list) =>
              list.map((item) =>
                item.key === key
                  ? item.file
                    ? { ...item, phase: 'failed', message: `Lost track of it: ${describeError(error)}` }
                    : { ...item, phase: 'refused', message: describeError(error) }
                  : item,
              ),
            );
          } finally {
            controllers.current.delete(controller);
            void queries.invalidateQueries({ queryKey: fileKeys.all });
          }
        })();
      }
    },
    [queries],
  );

  const clearFinished = useCallback(() => setItems((list) => list.filter((item) => item.phase === 'uploading' || item.phase === 'ingesting')), []);
  return { items, start, clearFinished };
}
