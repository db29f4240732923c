'use strict';
// ESLint formatter for perf/bench.mjs: run ESLint with `--stats --format <this file>`.
// Sums result.stats.times.passes[].{parse,rules[id],fix,total} (milliseconds) over all files,
// counts messages per rule id and fatal errors, writes that JSON to the file named by the
// CACHE_BENCH_STATS_OUT env var and prints nothing (so output cost stays out of the timings).
// Without the env var it returns the JSON as its output.

const fs = require('node:fs');

const MISSING_RULE = /^Definition for rule '.*' was not found/;

module.exports = function statsFormatter(results) {
  const out = {
    files: results.length,
    filesWithStats: 0,
    parseMs: 0,
    rulesMs: 0,
    fixMs: 0,
    totalMs: 0,
    fixPasses: 0,
    rules: {}, // rule id -> ms
    messagesByRule: {}, // rule id -> count (messages of rules that ran)
    otherMessages: {}, // e.g. directives naming rules that are not loaded
    fatal: 0,
    fatalFiles: [],
    errors: 0,
    warnings: 0,
  };

  for (const result of results) {
    const passes = result.stats?.times?.passes;
    if (passes) {
      out.filesWithStats++;
      out.fixPasses += result.stats.fixPasses ?? 0;
      for (const pass of passes) {
        out.parseMs += pass.parse?.total ?? 0;
        out.fixMs += pass.fix?.total ?? 0;
        out.totalMs += pass.total ?? 0;
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
          out.rules[ruleId] = (out.rules[ruleId] ?? 0) + (time.total ?? 0);
          out.rulesMs += time.total ?? 0;
        }
      }
    }
    out.errors += result.errorCount;
    out.warnings += result.warningCount;
    for (const message of result.messages) {
      if (message.fatal) {
        out.fatal++;
        if (out.fatalFiles.length < 20) {
          out.fatalFiles.push(`${result.filePath}:${message.line ?? 0}: ${message.message}`);
        }
        continue;
      }
      const id = message.ruleId ?? '(none)';
      const bucket = MISSING_RULE.test(message.message) ? out.otherMessages : out.messagesByRule;
      bucket[id] = (bucket[id] ?? 0) + 1;
    }
  }

  const json = JSON.stringify(out);
  const target = process.env.CACHE_BENCH_STATS_OUT;
  if (target) {
    fs.writeFileSync(target, json);
    return '';
  }
  return json;
};
