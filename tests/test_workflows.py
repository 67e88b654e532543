"""The GitHub Actions workflows keep the rules that stop anyone else from publishing the site.

zizmor (`make lint`) checks the same and more; these tests say, in this project's
words, the rules a new workflow must keep, and they run with every `pytest`:

- every action is used by a full 40-hex commit SHA, with its version in a comment;
- every checkout sets `persist-credentials: false`;
- every workflow sets `permissions` at the top, and grants neither `pages` nor
  `id-token` (nor any other write) there: only the job that needs it does;
- no workflow runs on `workflow_run` or `pull_request_target` (they run with this
  repository's rights on behalf of a pull request from a fork);
- Publish runs on a push to main or by hand, deploys only after CI (called as a
  reusable workflow) has passed, and only from main.

Each check is a function that returns what is wrong, tested on the real workflows
and on small broken ones, so that each can be seen to fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])

pytestmark = pytest.mark.unit

SHA = re.compile(r"[0-9a-f]{40}")
# `uses: owner/repo@<sha> # v1.2.3`: the comment names the release the SHA is.
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
VERSION_COMMENT = re.compile(r"^v\d+(\.\d+){0,2}\b")
DANGEROUS_TRIGGERS = ("workflow_run", "pull_request_target")
JOB_ONLY_PERMISSIONS = ("pages", "id-token")
# CI called from this repository at this commit: `$/` is GitHub's self-repository form.
CI_WORKFLOW = ("$/.github/workflows/ci.yml", "./.github/workflows/ci.yml")


def load(text: str) -> dict:
    """The workflow as a dict; YAML 1.1 reads the key `on` as True, so it is put back."""
    workflow = yaml.safe_load(text) or {}
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def triggers(workflow: dict) -> dict:
    on = workflow.get("on") or {}
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return dict(on)


def steps(workflow: dict):
    for job_id, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, step


def unpinned_uses(text: str) -> list[str]:
    """Each `uses:` that is not a full commit SHA with a `# vX.Y.Z` comment (local paths are fine)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = USES_LINE.match(line)
        if not match:
            continue
        ref, comment = match["ref"].strip("'\""), (match["comment"] or "").strip()
        if ref.startswith(("./", "$/")):
            continue  # an action or reusable workflow in this repository, at this commit
        if ref.startswith("docker://"):
            if "@sha256:" not in ref:
                found.append(f"line {number}: {ref} is a Docker image by tag; use its @sha256: digest")
            continue
        _, _, version = ref.partition("@")
        if not SHA.fullmatch(version):
            found.append(f"line {number}: {ref} is used by a tag or branch; use the full 40-hex commit SHA")
        elif not VERSION_COMMENT.match(comment):
            found.append(f"line {number}: {ref} has no `# vX.Y.Z` comment saying which release the SHA is")
    return found


def checkouts_keeping_credentials(workflow: dict) -> list[str]:
    found = []
    for job_id, step in steps(workflow):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            value = (step.get("with") or {}).get("persist-credentials")
            if value is not False and str(value).lower() != "false":
                found.append(f"job {job_id}: actions/checkout without `persist-credentials: false`")
    return found


def top_level_permission_problems(workflow: dict) -> list[str]:
    if "permissions" not in workflow:
        return ["no top-level `permissions`: write `permissions: {}` and grant each job what it needs"]
    permissions = workflow["permissions"]
    if isinstance(permissions, str):
        return [] if permissions == "read-all" else [f"top-level `permissions: {permissions}`; use `{{}}`"]
    found = []
    for scope, level in (permissions or {}).items():
        if scope in JOB_ONLY_PERMISSIONS and level != "none":
            found.append(f"`{scope}: {level}` at the top level; grant it on the deploy job alone")
        elif level == "write":
            found.append(f"`{scope}: write` at the top level; grant it on the job that needs it")
    return found


def dangerous_triggers(workflow: dict) -> list[str]:
    return [
        f"runs on `{name}`, which runs with this repository's rights for a fork's pull request"
        for name in DANGEROUS_TRIGGERS
        if name in triggers(workflow)
    ]


def problems(text: str) -> list[str]:
    workflow = load(text)
    return [
        *unpinned_uses(text),
        *checkouts_keeping_credentials(workflow),
        *top_level_permission_problems(workflow),
        *dangerous_triggers(workflow),
    ]


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_each_workflow_keeps_the_rules(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_workflows_are_found():
    assert {path.name for path in WORKFLOW_FILES} >= {"ci.yml", "pages.yml"}


# --- Publish: pushed to main, tested, then deployed -------------------------------


def needs(job: dict) -> list[str]:
    value = job.get("needs") or []
    return [value] if isinstance(value, str) else list(value)


def upstream(jobs: dict, job_id: str) -> set[str]:
    """Every job that `job_id` waits for, directly or not."""
    seen, todo = set(), needs(jobs[job_id])
    while todo:
        other = todo.pop()
        if other not in seen:
            seen.add(other)
            todo.extend(needs(jobs[other]))
    return seen


def publish_problems(text: str) -> list[str]:
    workflow = load(text)
    found = []
    on = triggers(workflow)
    if set(on) != {"push", "workflow_dispatch"}:
        found.append(f"Publish runs on {sorted(on)}; it must run on `push` to main and `workflow_dispatch` only")
    push = on.get("push") or {}
    if push.get("branches") != ["main"] or {"tags", "branches-ignore", "paths-ignore"} & set(push):
        found.append("Publish must run on a push to main only: `push: branches: [main]`")
    jobs = workflow.get("jobs") or {}
    tests = {job_id for job_id, job in jobs.items() if job.get("uses") in CI_WORKFLOW}
    if not tests:
        found.append("Publish does not call CI (`uses: $/.github/workflows/ci.yml`)")
    for job_id, job in jobs.items():
        uses = [str(step.get("uses", "")) for step in job.get("steps") or []]
        permissions = job.get("permissions") or {}
        publishes = any(u.startswith(("actions/upload-pages-artifact@", "actions/deploy-pages@")) for u in uses)
        if publishes and not tests & upstream(jobs, job_id):
            found.append(f"job {job_id} publishes without waiting for CI (`needs`)")
        if publishes and "refs/heads/main" not in str(job.get("if", "")):
            found.append(f"job {job_id} publishes without `if: github.ref == 'refs/heads/main'`")
        deploys = any(u.startswith("actions/deploy-pages@") for u in uses)
        for scope in JOB_ONLY_PERMISSIONS:
            if permissions.get(scope) == "write" and not deploys:
                found.append(f"job {job_id} has `{scope}: write` but does not deploy")
        for step in job.get("steps") or []:
            ref = (step.get("with") or {}).get("ref")
            if str(step.get("uses", "")).startswith("actions/checkout@") and ref not in (None, "${{ github.sha }}"):
                found.append(f"job {job_id} checks out {ref}, not the tested commit (github.sha)")
    return found


def test_publish_deploys_only_what_ci_passed_on_main():
    assert publish_problems((WORKFLOWS / "pages.yml").read_text(encoding="utf-8")) == []


def test_ci_can_be_called_by_publish():
    assert "workflow_call" in triggers(load((WORKFLOWS / "ci.yml").read_text(encoding="utf-8")))


# --- Each check fails on a workflow that breaks its rule ---------------------------

CHECKOUT = "      - uses: actions/checkout@" + "a" * 40 + " # v7.0.1\n"
GOOD_STEP = CHECKOUT + "        with:\n          persist-credentials: false\n"
HEADER = "name: X\non: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"


def test_a_good_workflow_passes():
    assert problems(HEADER + GOOD_STEP) == []


@pytest.mark.parametrize(
    ("workflow", "expected"),
    [
        (HEADER + "      - uses: actions/setup-python@v5\n", "used by a tag or branch"),
        (HEADER + "      - uses: actions/setup-python@main\n", "used by a tag or branch"),
        (HEADER + "      - uses: actions/setup-python@" + "b" * 40 + "\n", "no `# vX.Y.Z` comment"),
        (HEADER + "      - uses: docker://alpine:3\n", "Docker image by tag"),
        (HEADER + CHECKOUT, "persist-credentials"),
        (HEADER.replace("permissions: {}\n", "") + GOOD_STEP, "no top-level `permissions`"),
        (HEADER.replace("{}", "{contents: read, pages: write}") + GOOD_STEP, "`pages: write` at the top level"),
        (HEADER.replace("{}", "{id-token: write}") + GOOD_STEP, "`id-token: write` at the top level"),
        (HEADER.replace("{}", "write-all") + GOOD_STEP, "permissions: write-all"),
        (HEADER.replace("on: push", "on:\n  workflow_run:\n    workflows: [CI]") + GOOD_STEP, "`workflow_run`"),
        (HEADER.replace("on: push", "on: [pull_request_target]") + GOOD_STEP, "`pull_request_target`"),
    ],
    ids=[
        "tag",
        "branch",
        "sha-without-version",
        "docker-tag",
        "checkout-keeps-credentials",
        "no-permissions",
        "pages-at-top",
        "id-token-at-top",
        "write-all",
        "workflow-run",
        "pull-request-target",
    ],
)
def test_each_rule_catches_its_problem(workflow, expected):
    found = problems(workflow)
    assert len(found) == 1 and expected in found[0], found  # exactly one problem, and it is this one


OLD_PUBLISH = """\
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
    branches: [main]
  workflow_dispatch:
permissions: {contents: read, pages: write, id-token: write}
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.workflow_run.head_sha || github.sha }}
      - uses: actions/upload-pages-artifact@v3
  deploy:
    needs: build
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/deploy-pages@v4
"""


def test_the_old_publish_workflow_is_refused():
    """The workflow_run Publish that a fork's pull request from a branch named main could trigger."""
    assert publish_problems(OLD_PUBLISH) == [
        "Publish runs on ['workflow_dispatch', 'workflow_run'];"
        " it must run on `push` to main and `workflow_dispatch` only",
        "Publish must run on a push to main only: `push: branches: [main]`",
        "Publish does not call CI (`uses: $/.github/workflows/ci.yml`)",
        "job build publishes without waiting for CI (`needs`)",
        "job build publishes without `if: github.ref == 'refs/heads/main'`",
        "job build checks out ${{ github.event.workflow_run.head_sha || github.sha }},"
        " not the tested commit (github.sha)",
        "job deploy publishes without waiting for CI (`needs`)",
        "job deploy publishes without `if: github.ref == 'refs/heads/main'`",
    ]
    assert problems(OLD_PUBLISH) == [
        "line 12: actions/checkout@v4 is used by a tag or branch; use the full 40-hex commit SHA",
        "line 15: actions/upload-pages-artifact@v3 is used by a tag or branch; use the full 40-hex commit SHA",
        "line 20: actions/deploy-pages@v4 is used by a tag or branch; use the full 40-hex commit SHA",
        "job build: actions/checkout without `persist-credentials: false`",
        "`pages: write` at the top level; grant it on the deploy job alone",
        "`id-token: write` at the top level; grant it on the deploy job alone",
        "runs on `workflow_run`, which runs with this repository's rights for a fork's pull request",
    ]
