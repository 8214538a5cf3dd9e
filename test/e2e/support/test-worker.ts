import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { useTestEnvironment } from './test-app';

/** The ingestion worker, in this process, with the same overrides as the API under test. */
export async function startWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  useTestEnvironment(overrides);
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot()] })
    .compile()
    .finally(() => {
      process.env = saved;
    });
  return moduleRef.init();
}
