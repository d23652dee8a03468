/**
 * An installed plugin as the CLI hands it to core: where the package lives and its package.json
 * `heartline` section, read without running any of its code. Core never sees oclif.
 */
export interface PluginDescriptor {
  readonly packageName: string;
  /** Absolute directory of the package (module paths in the manifest are relative to it). */
  readonly packageRoot: string;
  /** The package.json `heartline` section, unvalidated. */
  readonly manifest: unknown;
}
