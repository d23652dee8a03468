/** What Heartline reads of an oclif plugin to judge it: its name, version, root and package.json. */
export interface PluginPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute directory of the package. */
  readonly root: string;
  readonly pjson: {
    readonly heartline?: unknown;
    readonly peerDependencies?: Readonly<Record<string, string>>;
    readonly dependencies?: Readonly<Record<string, string>>;
  };
}
