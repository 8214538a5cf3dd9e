import { Injectable } from '@nestjs/common';
import { AccessDirectory } from '@app/access';
import type { Actor } from '@app/platform';
import type { FileReader } from '../domain/stored-file';

/** The caller as the registry sees them, read from the tree at each request. */
@Injectable()
export class FileReaders {
  constructor(private readonly access: AccessDirectory) {}

  async of(actor: Actor): Promise<FileReader> {
    const [reads, manages] = await Promise.all([this.access.readerScopeOf(actor.departmentId), this.access.managementScopeOf(actor)]);
    return { reads, manages };
  }
}
