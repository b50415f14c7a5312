"""The reading plan ("Find your path"): answers, the rule (one scoring function and the greedy pick),
the planner that applies it, its sentences and the wording that picks them, the reader's T as a
picture, and the plan as a Markdown document. The site's page runs a JavaScript port of the rule's
logic (site/assets/plan-rule.js), held equal to the planner by tests/site/plan_port_test.py; the
weights, sentences, escape sets and geometry reach it as data (site/plan_page.py, plan_index)."""
