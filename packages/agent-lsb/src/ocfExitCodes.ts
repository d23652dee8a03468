/** The OCF resource agent API's exit codes, by number. */
export const ocfExitCodes: Readonly<Record<number, string>> = {
  0: 'OCF_SUCCESS',
  1: 'OCF_ERR_GENERIC',
  2: 'OCF_ERR_ARGS',
  3: 'OCF_ERR_UNIMPLEMENTED',
  4: 'OCF_ERR_PERM',
  5: 'OCF_ERR_INSTALLED',
  6: 'OCF_ERR_CONFIGURED',
  7: 'OCF_NOT_RUNNING',
  8: 'OCF_RUNNING_MASTER',
  9: 'OCF_FAILED_MASTER',
};
