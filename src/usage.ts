/** What the program says about itself before any command runs: the short usage and paths as people read them. */

/** What `followup` alone prints: how to start (stdout, exit 0, as `gh` does). */
export const SHORT_USAGE = `followup: a planner for the days after a job interview:
whom to contact today, how, and why.

Usage: followup <command> [options]

First steps:
  followup demo              see it work on a sample week (in a temporary store)
  followup add               record an interview, right after it
  followup today             each morning: whom to contact, how and why
  followup draft thanks 1    the thank-you letter for application 1

Every command: followup --help. One command: followup help <command>.
`;

/** A path as a person reads it: the home folder as ~. */
export function shownPath(file: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME;
  return home && home !== '/' && file.startsWith(`${home}/`) ? `~${file.slice(home.length)}` : file;
}

