/**
 * A plugin's package.json `heartline` section. Entries are `./path/to/module.js#ExportName`
 * (without `#`, the export is named after the file, as every Heartline module is).
 */
export interface HeartlineManifest {
  readonly apiVersion: number;
  readonly transports: Readonly<Record<string, string>>;
  readonly agents: Readonly<Record<string, string>>;
  /** STONITH types (`null`, `ssh`, `external/*` for every `external/NAME`) -> fencer class. */
  readonly fencers: Readonly<Record<string, string>>;
}
