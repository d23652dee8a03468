/** Where an `OCF::<type>::<instance>` resource lives on disk. */
export interface OcfResource {
  readonly type: string;
  readonly instance: string;
  /** `$OCF_ROOT`, `/usr/lib/ocf` unless the scripts' environment says otherwise. */
  readonly root: string;
  /** `$OCF_ROOT/resource.d/heartbeat/<type>`. */
  readonly agentPath: string;
  /** `<haDir>/conf/OCF/<type>/<instance>`: its parameters, NAME=value lines. */
  readonly instancePath: string;
}
