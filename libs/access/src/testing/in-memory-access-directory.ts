import { DepartmentTree, ManagementScope, readerScopeIn, type ReaderScope, type TreeNode } from '@app/kernel';
import type { Actor } from '@app/platform';
import { AccessDirectory } from '../access.ports';

/** The directory over a tree held in memory, for handler specs; read afresh at every call. */
export class InMemoryAccessDirectory extends AccessDirectory {
  constructor(private readonly nodes: Iterable<TreeNode> | (() => Iterable<TreeNode>) = []) {
    super();
  }

  async readerScopeOf(departmentId: string): Promise<ReaderScope> {
    // A department the tree does not know still reads its own documents, as in a spec without a tree.
    const tree = await this.tree();
    return tree.has(departmentId) ? readerScopeIn(tree, departmentId) : { departmentIds: [departmentId] };
  }

  async managementScopeOf(actor: Actor): Promise<ManagementScope> {
    if (actor.role === 'admin') return ManagementScope.organization();
    if (actor.role !== 'department_admin') return ManagementScope.none();
    return ManagementScope.subtree(actor.departmentId, (await this.tree()).subtreeOf(actor.departmentId));
  }

  async tree(): Promise<DepartmentTree> {
    return new DepartmentTree(typeof this.nodes === 'function' ? this.nodes() : this.nodes);
  }
}
