// Preloaded with `node --import` by perf/bench.mjs when /usr/bin/time is not available: at exit,
// writes this process's resource usage (maxRSS in KiB, CPU in microseconds) to the file named by
// CACHE_BENCH_RUSAGE_OUT.
import fs from 'node:fs';

const target = process.env.CACHE_BENCH_RUSAGE_OUT;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
      target,
      JSON.stringify({ maxRssKiB: usage.maxRSS, userS: usage.userCPUTime / 1e6, sysS: usage.systemCPUTime / 1e6 }),
    );
  });
}
