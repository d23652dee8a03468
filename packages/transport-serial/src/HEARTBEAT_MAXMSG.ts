/** heartbeat's MAXMSG (cluster-glue ipc.h): the largest message any of its readers accepts. */
export const HEARTBEAT_MAXMSG = 262144;
