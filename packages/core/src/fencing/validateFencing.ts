import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { FenceValidateContext } from './FenceContext.js';
import type { FenceDevice } from './FenceDevice.js';
import type { FencerProvider } from './FencerProvider.js';
import { fenceIssue } from './fenceIssue.js';

/**
 * Every problem with STONITH devices: a type no installed plugin provides, and what each fencer
 * finds wrong with its parameters. Fencers are loaded only for the types in use.
 */
export async function validateFencing(
  devices: readonly FenceDevice[],
  fencers: FencerProvider,
  context: FenceValidateContext,
  container: DependencyContainer = rootContainer.createChildContainer(),
): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  for (const device of devices) {
    if (!fencers.provides(device.type)) {
      issues.push(fenceIssue(device, 'FENCE_NO_FENCER', `no installed plugin provides STONITH type "${device.type}"`));
      continue;
    }
    const fencer = await fencers.fencerFor(device.type, container);
    issues.push(...(await fencer.validate(device, context)));
  }
  return issues;
}
