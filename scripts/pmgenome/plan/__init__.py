"""The reading plan ("Find your path"): answers, the rule (one scoring function and the greedy pick),
the planner that applies it, the wording of its "why" lines and notes, the reader's T as a picture,
and the plan as a Markdown document. The site's page runs a JavaScript port of the rule
(site/assets/plan-rule.js), held equal to the planner by tests/site/plan_port_test.py."""
