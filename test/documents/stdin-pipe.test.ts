// Standard input that is a non-blocking pipe, fed slowly (issue #10 item 7): a read of it can find it empty
// before its writer is done. A synchronous read (readFileSync(0)) then fails with EAGAIN and the run
// crashes; stdin must be read as a stream, which waits for the data.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonl, ROOT } from '../helpers/cli.ts';

/** Writes what it can of `s` to the non-blocking `fd`; the number of bytes written (0 when the pipe is full). */
function tryWrite(fd: number, s: Buffer): number {
  try {
    return writeSync(fd, s);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return 0;
    throw e;
  }
}

test('a page on stdin through a non-blocking pipe, fed in two parts with a pause, is read whole', {
  skip: process.platform === 'win32',
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronik-stdin-'));
  try {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // The read end is opened without waiting for a writer; the write end so that a full pipe is seen.
    const readEnd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeEnd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const line = 'The Norwegian government sent flood relief to Bangladesh on Friday, its aid agency said.\n';
    const first = Buffer.from(line.repeat(4000));
    const last = 'Officials in Dhaka thanked Oslo for the tents and water pumps that arrived on Saturday.\n';

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', '-', '--no-events', '--format', 'jsonl'],
      {
        cwd: ROOT,
        stdio: [readEnd, 'pipe', 'pipe'],
      },
    );
    // The child's stdin is set blocking as it starts (libuv does so for the fds it hands over); this
    // process keeps the same open file as a pipe handle, which makes it non-blocking again, for the child too:
    // as when a parent process that reads the same pipe shares it with kronik.
    const holder = new Socket({ fd: readEnd, readable: false, writable: false });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // Fill the pipe, then wait until the child has started reading (there is room again) …
    let sent = 0;
    for (let n = tryWrite(writeEnd, first); n > 0 && sent < first.length; n = tryWrite(writeEnd, first.subarray(sent))) sent += n;
    const deadline = Date.now() + 120_000;
    while (sent < first.length) {
      assert.ok(Date.now() < deadline, 'the child never read its stdin');
      await sleep(20);
      sent += tryWrite(writeEnd, first.subarray(sent));
    }
    // … and let it find the pipe empty with the writer still there before the rest comes.
    await sleep(500);
    assert.equal(tryWrite(writeEnd, Buffer.from(last)), Buffer.byteLength(last));
    closeSync(writeEnd);

    const code = await exited;
    holder.destroy();
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EAGAIN/);
    const docs = jsonl(stdout);
    assert.equal(docs.length, 1);
    assert.equal(docs[0].doc, 'stdin');
    assert.match(String(docs[0].body), /Officials in Dhaka thanked Oslo/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
