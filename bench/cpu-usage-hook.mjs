// Loaded with `node --import` into every process the bench times: writes the process's own CPU time
// (user + system, microseconds) to $KRONIK_BENCH_CPU when it exits. CPU time stays meaningful when other
// work shares the machine, where wall time does not.
import { writeFileSync } from 'node:fs';

const file = process.env.KRONIK_BENCH_CPU;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.cpuUsage())));
