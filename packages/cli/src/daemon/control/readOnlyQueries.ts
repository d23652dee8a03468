/**
 * The queries that only read, which control.sock answers. Every other query (standby, takeover, and
 * whatever comes later, such as reload) is taken as one that changes the cluster and is served on
 * admin.sock only: a new query needs root until it is added here on purpose.
 */
export const readOnlyQueries: readonly string[] = ['status'];
