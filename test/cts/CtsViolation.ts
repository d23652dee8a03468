/**
 * An invariant broken during a CTS run (a service on two nodes outside a partition, a daemon that
 * died by itself, a group placed where the mode does not allow once recovered): counted apart from
 * a fault the cluster merely did not recover from in time, and it makes the run exit non-zero.
 */
export class CtsViolation extends Error {
  override readonly name = 'CtsViolation';
}
