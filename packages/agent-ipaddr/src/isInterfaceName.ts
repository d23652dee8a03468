/** A name the kernel accepts for an interface: 1-15 characters, no `/`, `:` or blank, not `.` or `..`. */
export function isInterfaceName(name: string): boolean {
  return name.length >= 1 && name.length <= 15 && !/[\s/:]/.test(name) && name !== '.' && name !== '..';
}
