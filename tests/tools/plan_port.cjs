// Runs the site's JavaScript port of the plan rule for the port test: reads
// {"index": <api/plan-index.json>, "cases": [{"answers": ..., "done": [...], "budget": ...}, ...]} on
// stdin and prints [{"plan": ..., "markdown": ..., "schedule": ...}, ...] on stdout (a schedule when
// the case gives a budget: {minutes_per_week, weeks, start}).
"use strict";
const path = require("path");
const rule = require(path.resolve(__dirname, "../../scripts/pmgenome/site/assets/plan-rule.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const model = rule.prepare(request.index);
  const started = process.hrtime.bigint();
  const results = request.cases.map((item) => {
    const plan = rule.plan(model, item.answers);
    const result = { plan: plan, markdown: rule.markdown(model, plan, item.done || []) };
    if (item.budget) { result.schedule = rule.schedule(model, plan, item.budget); }
    if (item.budget && item.budget.start) { result.ics = rule.ics(model, plan, result.schedule, [0, 8, 0], item.today); }
    return result;
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ results: results, milliseconds: elapsed }));
});
