/**
 * Command-line start of the generator's scripts: parse the flags, print the
 * usage and exit 0 on --help, or say what is wrong with the usage and exit 2.
 */
export function parseOrExit<T extends { help: boolean }>(prefix: string, argv: string[], parse: (argv: string[]) => T, usage: string): T {
  try {
    const options = parse(argv);
    if (options.help) {
      console.log(usage);
      process.exit(0);
    }
    return options;
  } catch (error) {
    console.error(`[${prefix}] ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
