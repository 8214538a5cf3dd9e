/** A department as far as the tree is concerned. */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

/**
 * The department tree in memory, for rules that need to walk it. Walks stop at a department
 * seen twice, so a corrupted tree (a cycle) can never loop; the database refuses to make one.
 */
export class DepartmentTree {
  private readonly parents = new Map<string, string | null>();
  private readonly children = new Map<string, string[]>();

  constructor(nodes: Iterable<TreeNode>) {
    for (const { id, parentId } of nodes) {
      this.parents.set(id, parentId);
      if (parentId !== null) this.children.set(parentId, [...(this.children.get(parentId) ?? []), id]);
    }
  }

  has(id: string): boolean {
    return this.parents.has(id);
  }

  /** The department and every department above it, nearest first. */
  lineOf(id: string): string[] {
    const line: string[] = [];
    for (let at: string | null | undefined = id; at != null && this.parents.has(at) && !line.includes(at); at = this.parents.get(at)) line.push(at);
    return line;
  }

  /** The department and every department below it. */
  subtreeOf(id: string): string[] {
    if (!this.parents.has(id)) return [];
    const seen = new Set([id]);
    for (const at of seen) for (const child of this.children.get(at) ?? []) seen.add(child);
    return [...seen];
  }

  /** Whether `id` is `ancestor` itself or lies below it. */
  isWithin(id: string, ancestor: string): boolean {
    return this.lineOf(id).includes(ancestor);
  }
}
