/** A benchmark suite that `pnpm bench <name>` can run. */
export interface Suite {
  name: string;
  /** One line for `pnpm bench --list`. */
  description: string;
  /** Its options, for `pnpm bench <name> --help`. */
  usage: string;
  /** Runs with the arguments after the suite names; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
