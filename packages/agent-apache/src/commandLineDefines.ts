/** The `-D NAME` / `-DNAME` of an apache command line. */
export function commandLineDefines(args: readonly string[]): string[] {
  const defines: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '-D' && args[i + 1] !== undefined) defines.push(args[i + 1] ?? '');
    else if (arg.startsWith('-D') && arg.length > 2) defines.push(arg.slice(2));
  });
  return defines;
}
