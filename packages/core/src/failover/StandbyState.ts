/** hb_resource.c's going_standby. */
export type StandbyState = 'not' | 'me' | 'other' | 'done';
