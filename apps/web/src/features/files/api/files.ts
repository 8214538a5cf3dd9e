import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { FileRecord, FileStatus } from '@/lib/api/types';
import { uploadForm, type UploadProgress } from '@/lib/upload';

export type FileFilters = { status?: FileStatus; departmentId?: string };

export const fileKeys = { all: ['files'] as const, list: (filters: FileFilters) => ['files', 'list', filters] as const };

export function useFiles(filters: FileFilters) {
  return useInfiniteQuery({
    queryKey: fileKeys.list(filters),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/files', { params: { query: { limit: 50, ...filters, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => unwrap(api.GET('/api/v1/org/departments')), staleTime: 60_000 });
}

export function useReindexFile() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/files/{id}/reindex', { params: { path: { id } } })),
    onSettled: () => queries.invalidateQueries({ queryKey: fileKeys.all }),
  });
}

export function useDeleteFile() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/files/{id}', { params: { path: { id } } })),
    onSettled: () => queries.invalidateQueries({ queryKey: fileKeys.all }),
  });
}

export function useReembed() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/files/reembed')) });
}

export type UploadAnswer = FileRecord & { duplicate: boolean };

/** POST /files with the fields first, as the API requires, reporting the bytes sent. */
export function uploadFile(file: File, departmentId: string, visibility: 'department' | 'organization', onProgress: (p: UploadProgress) => void, signal?: AbortSignal) {
  return uploadForm<UploadAnswer>(
    '/api/v1/files',
    [
      ['departmentId', departmentId],
      ['visibility', visibility],
      ['file', file, file.name],
    ],
    onProgress,
    signal,
  );
}
