// Small output helpers shared by the CLI commands.

/** Writes to stdout, respecting back-pressure; a closed pipe (`| head`) ends the process quietly. */
export function out(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** One line on stderr naming the input and the reason. */
export function reportError(input: string, reason: string): void {
  process.stderr.write(`kronik: ${input}: ${reason}\n`);
}

export function reportWarning(input: string, reason: string): void {
  process.stderr.write(`kronik: warning: ${input}: ${reason}\n`);
}
