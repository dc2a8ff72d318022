// Gate for tests that need Docker: the engine and the test image, or a visible skip reason (a failure under CI=true).
import {
  findDockerEngine,
  noEngineMessage,
  type DockerEngine,
} from '../../engine/sandbox/docker/find-docker-engine.js';
import { ensureTestImage } from './test-image.js';

export type DockerForTests = { engine?: DockerEngine; image: string; skipReason?: string };

export async function dockerForTests(): Promise<DockerForTests> {
  const search = await findDockerEngine();
  if (!search.engine) {
    const reason = noEngineMessage(search);
    if (process.env.CI === 'true') throw new Error(`CI=true and Docker is required: ${reason}`);
    return { image: '', skipReason: `skipped: ${reason}` };
  }
  try {
    return { engine: search.engine, image: await ensureTestImage() };
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    return { image: '', skipReason: `skipped: no test image (${(error as Error).message})` };
  }
}
