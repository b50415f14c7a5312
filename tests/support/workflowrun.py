"""A workflow job's `run:` steps, run as GitHub runs them, for the workflow tests.

Each step runs in `bash --noprofile --norc -eo pipefail`, with the workflow's, job's and step's `env`,
GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY files, and `${{ }}` expressions resolved from the
values a test gives and the outputs earlier steps wrote. An expression it does not know fails the
test: a step reading an output no step writes is the kind of drift these tests are for. `uses:`
steps are the test's to stand in for (a checkout is a `git clone`); their outputs can be given.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
STEP_OUTPUT = re.compile(r"steps\.([\w-]+)\.outputs\.([\w-]+)")
STEP_OUTCOME = re.compile(r"steps\.([\w-]+)\.outcome")


def load(workflow: str) -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class JobRun:
    """One run of one job: `step(name)` runs a named step (or one whose `run` is `name`)."""

    workflow: str
    job: str
    workdir: Path
    temp: Path
    values: dict[str, str]  # github.* and similar expressions, as the test decides them
    env: dict[str, str] = field(default_factory=dict)  # the runner's environment (PATH...)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    outcomes: dict[str, str] = field(default_factory=dict)
    github_env: dict[str, str] = field(default_factory=dict)

    @property
    def document(self) -> dict:
        return load(self.workflow)

    @property
    def steps(self) -> list[dict]:
        return self.document["jobs"][self.job]["steps"]

    @property
    def summary(self) -> Path:
        return self.temp / "step-summary.md"

    def find(self, name: str) -> dict:
        return next(step for step in self.steps if name in (step.get("name"), step.get("run")))

    def resolve(self, text: str) -> str:
        return EXPRESSION.sub(lambda found: self._value(found.group(1)), text)

    def _value(self, expression: str) -> str:
        output = STEP_OUTPUT.fullmatch(expression)
        if output:
            step_id, name = output.groups()
            assert any(step.get("id") == step_id for step in self.steps), f"no step has the id {step_id!r}"
            return self.outputs.get(step_id, {}).get(name, "")
        assert expression in self.values, f"the test gives no value for ${{{{ {expression} }}}}"
        return self.values[expression]

    def condition(self, step: dict) -> bool:
        """The step's `if:`, for the comparisons of step outputs and outcomes the workflows use."""
        text = str(step.get("if", "success()"))
        text = STEP_OUTPUT.sub(lambda found: repr(self._value(found.group(0))), text)
        text = STEP_OUTCOME.sub(lambda found: repr(self.outcomes.get(found.group(1), "skipped")), text)
        text = text.replace("||", " or ").replace("&&", " and ").replace("success()", "True")
        return bool(eval(text, {"__builtins__": {}}, {}))  # noqa: S307 -- the project's own workflow text

    def step(self, name: str, **env: str) -> subprocess.CompletedProcess[str] | None:
        """Run the step (None when its `if:` skips it); a failing step fails the job's later ones."""
        step = self.find(name)
        if not self.condition(step):
            return None
        self.temp.mkdir(parents=True, exist_ok=True)
        output, env_file = self.temp / "github-output", self.temp / "github-env"
        output.write_text("")
        env_file.write_text("")
        document = self.document
        scopes = (document.get("env", {}), document["jobs"][self.job].get("env", {}), step.get("env", {}))
        full = {**os.environ, "GITHUB_ACTIONS": "true", "CI": "true", **self.env, **self.github_env}
        for scope in scopes:
            full.update({key: self.resolve(str(value)) for key, value in scope.items()})
        full.update({"GITHUB_OUTPUT": str(output), "GITHUB_ENV": str(env_file),
                     "GITHUB_STEP_SUMMARY": str(self.summary), "RUNNER_TEMP": str(self.temp), **env})
        script = self.temp / "step.sh"
        script.write_text(self.resolve(step["run"]))
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=self.workdir,
                              env=full, capture_output=True, text=True, timeout=300)
        if "id" in step:
            self.outputs[step["id"]] = dict(line.split("=", 1) for line in output.read_text().splitlines())
            self.outcomes[step["id"]] = "success" if done.returncode == 0 else "failure"
        self.github_env.update(line.split("=", 1) for line in env_file.read_text().splitlines())
        return done
