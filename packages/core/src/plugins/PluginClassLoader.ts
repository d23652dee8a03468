import 'reflect-metadata';
import { basename, extname, resolve } from 'node:path';
import { injectable, type DependencyContainer } from 'tsyringe';
import { HaError } from '../errors/HaError.js';
import { importPluginExport } from './importPluginExport.js';
import type { PluginDescriptor } from './PluginDescriptor.js';

type Constructor = new (...args: never[]) => unknown;

/**
 * Builds a plugin's exported class in a node's container, once per container and class: `./M.js`
 * and `./M.js#M` are the same class. Core applies `injectable()` itself because plugins carry
 * their own tsyringe.
 */
export class PluginClassLoader {
  private readonly built = new WeakMap<DependencyContainer, Map<string, unknown>>();

  async instance(descriptor: PluginDescriptor, target: string, container: DependencyContainer): Promise<unknown> {
    let perContainer = this.built.get(container);
    if (perContainer === undefined) {
      perContainer = new Map();
      this.built.set(container, perContainer);
    }
    const [modulePath = '', exportName] = target.split('#');
    const key = `${resolve(descriptor.packageRoot, modulePath)}#${exportName ?? basename(modulePath, extname(modulePath))}`;
    if (perContainer.has(key)) return perContainer.get(key);
    const exported = await importPluginExport(descriptor, target);
    if (typeof exported !== 'function') {
      throw new HaError('DAEMON_PLUGIN_SHAPE', `plugin ${descriptor.packageName}: ${target} is not a class`);
    }
    const cls = exported as Constructor;
    injectable()(cls as never);
    const instance: unknown = container.resolve(cls as never);
    perContainer.set(key, instance);
    return instance;
  }
}
