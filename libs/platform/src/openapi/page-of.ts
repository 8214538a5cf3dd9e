import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The `{items, nextCursor}` envelope of a list of `item`, as a schema of its own (`<Item>Page`,
 * without a `View` suffix), so clients get one named type per list.
 */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; nextCursor: string | null }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; nextCursor: string | null }>;
  class Page {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Opaque; pass as ?cursor= for the next page; null on the last page' })
    nextCursor!: string | null;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  pages.set(item, Page);
  return Page;
}
