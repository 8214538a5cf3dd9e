import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { CreateUserRequest, UpdateUserRequest } from '@/lib/api/types';

const keys = { departments: ['departments'] as const, users: ['users'] as const };

export function useDepartments() {
  return useQuery({ queryKey: keys.departments, queryFn: () => unwrap(api.GET('/api/v1/org/departments')) });
}

export function useCreateDepartment() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; parentId?: string }) => unwrap(api.POST('/api/v1/org/departments', { body })),
    onSettled: () => queries.invalidateQueries({ queryKey: keys.departments }),
  });
}

export function useUsers() {
  return useInfiniteQuery({
    queryKey: keys.users,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/org/users', { params: { query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}

export function useCreateUser() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => unwrap(api.POST('/api/v1/org/users', { body })),
    onSettled: () => queries.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUpdateUser() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => unwrap(api.PATCH('/api/v1/org/users/{id}', { params: { path: { id } }, body })),
    onSettled: () => queries.invalidateQueries({ queryKey: keys.users }),
  });
}
