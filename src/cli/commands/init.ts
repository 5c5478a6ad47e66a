// `ddh init [DIR]`: a new minutes repository.

import path from 'node:path';
import { initRepository } from '../../edit/index.js';
import type { CommandContext } from '../io.js';

export async function initCommand(ctx: CommandContext, dir: string): Promise<number> {
  const { root, written, appended } = await initRepository(path.resolve(ctx.cwd, dir));
  const shown = (file: string) => path.relative(ctx.cwd, path.join(root, file)) || file;
  for (const file of written) ctx.io.out(`created ${shown(file)}`);
  for (const file of appended) ctx.io.out(`added out/ to ${shown(file)}`);
  ctx.io.out(`\nNext: edit ddh.yaml and meetings/plan.yaml, then run: ddh new-meeting YYYY-MM-DD`);
  return 0;
}
