/** What reading an apache config needs of the file system (a part of ApacheEnvironment). */
export interface ConfigFiles {
  /** The file's text, or undefined when it cannot be read. */
  readText(path: string): string | undefined;
  /** The names in a directory, or undefined when it is not one. */
  listDirectory(path: string): string[] | undefined;
  isFile(path: string): boolean;
}
