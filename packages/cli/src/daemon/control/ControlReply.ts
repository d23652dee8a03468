/** Why the daemon refused a request (docs/control-protocol.md, "Errors"). */
export type ControlReplyCode = 'CONTROL_PROTOCOL_VERSION' | 'CONTROL_PERMISSION_DENIED' | 'CONTROL_BAD_REQUEST' | 'CONTROL_REFUSED';

/** One line the daemon writes back for each request line. */
export type ControlReply =
  | { readonly v: number; readonly ok: true; readonly result: unknown }
  | { readonly v: number; readonly ok: false; readonly code: ControlReplyCode; readonly error: string; readonly supported?: readonly number[] };
