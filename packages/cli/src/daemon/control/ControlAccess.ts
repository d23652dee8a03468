/**
 * Which control socket a request goes to: `read` (control.sock: questions, root and group
 * haclient) or `change` (admin.sock: commands that change the cluster, root only).
 */
export type ControlAccess = 'read' | 'change';
