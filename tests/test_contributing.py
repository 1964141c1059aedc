"""What a contributor meets: CONTRIBUTING.md, the GitHub templates and workflows."""

import re
import subprocess
import sys

import yaml
from conftest import ROOT

GITHUB = ROOT / ".github"


def check_schema(schema: str, *files) -> subprocess.CompletedProcess:
    # check-jsonschema validates against the schemas it ships (no network).
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
    )


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.strip().split("\n")]
    assert len(commands) == 2, "the README gives two commands: serve and test"
    return next(c for c in commands if "test" in c)


def test_workflows_are_valid_github_workflows():
    workflows = sorted((GITHUB / "workflows").glob("*.yml"))
    assert {w.name for w in workflows} >= {"test.yml", "deploy.yml"}
    result = check_schema("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps: 3\n")
    assert check_schema("vendor.github-workflows", broken).returncode != 0


def test_pull_requests_run_the_readme_test_command():
    workflow = yaml.safe_load((GITHUB / "workflows" / "test.yml").read_text())
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request" in triggers
    runs = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    command = readme_test_command().removeprefix("./")
    assert any(run.strip().removeprefix("./") == command for run in runs), runs
    ci = (ROOT / ".ci" / "run").read_text()
    assert command in ci


def test_a_pull_requests_ci_has_a_read_only_token_and_no_credentials_on_disk():
    """A pull request's own code runs in CI: the workflows must give it nothing to steal."""
    for path in sorted((GITHUB / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        assert "pull_request_target" not in workflow[True], f"{path.name}: pull_request_target runs with secrets"
        checkouts = [
            s
            for job in workflow["jobs"].values()
            for s in job["steps"]
            if s.get("uses", "").startswith("actions/checkout")
        ]
        assert checkouts, path.name
        for step in checkouts:
            assert step.get("with", {}).get("persist-credentials") is False, (
                f"{path.name}: actions/checkout must not leave the token in .git/config"
            )
        assert "${{ secrets." not in path.read_text(), f"{path.name} hands a secret to the job"
    test = yaml.safe_load((GITHUB / "workflows" / "test.yml").read_text())
    assert test["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in test["jobs"].values())


def test_deploy_builds_main_for_github_pages_with_its_urls():
    workflow = yaml.safe_load((GITHUB / "workflows" / "deploy.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"]
    build = next(s for s in steps if "scripts/build" in s.get("run", ""))
    assert {"SITE_URL", "REPO_URL"} <= set(build["env"])
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_translation_problem_issue_form_is_valid():
    form = GITHUB / "ISSUE_TEMPLATE" / "translation-problem.yml"
    result = check_schema("vendor.github-issue-forms", form)
    assert result.returncode == 0, result.stdout + result.stderr
    data = yaml.safe_load(form.read_text())
    assert data["name"] == "Report a translation problem"
    ids = {item.get("id") for item in data["body"]}
    assert {"paragraph", "problem"} <= ids


def test_citation_cff_is_valid():
    result = check_schema("vendor.citation-file-format", ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_template_has_the_contribution_checklist():
    template = (GITHUB / "pull_request_template.md").read_text()
    for item in ["{: #id }", "<!-- emendation:", "<!-- reviewed:", "<!-- query:", "scripts/test", "published/"]:
        assert item in template


def test_contributing_explains_the_steps_and_its_commands_exist():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for topic in [
        "<!-- emendation:",
        "<!-- normalisation:",
        "conjecture:",
        "<!-- query:",
        "<!-- reviewed: yes -->",
        "{: #political-5 }",
        "scripts/test",
        "scripts/lint",
        "scripts/apparatus",
        "Progress:",
        "Names and transliteration",
        "Neutrality",
        "Report a problem without coding",
        "Report a translation problem",
        "Edit this page",
    ]:
        assert topic in guide, topic
    for script in set(re.findall(r"scripts/(\w+)", guide)):
        path = ROOT / "scripts" / script
        assert path.exists() and path.stat().st_mode & 0o111, script
        assert subprocess.run([str(path), "--help"], capture_output=True).returncode == 0, script


def test_the_example_in_contributing_is_the_real_text():
    # The guide's example must match the page, so a contributor can find it.
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "political-implications.md").read_text(encoding="utf-8")
    example = re.search(r"```markdown\n\s*(In 2001.*?\n\s*\{: #political-5 \})\n\s*```", guide, re.S).group(1)
    example = "\n".join(line.strip() for line in example.split("\n"))
    assert example in page


def test_the_quick_checks_are_documented_and_name_test_modules_that_exist():
    # scripts/test --quick is what the guide tells a contributor to run: its list of test
    # modules must name real ones (a renamed module would silently drop out of it).
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    listed = re.search(r"QUICK_TESTS=\(([^)]*)\)", script)
    assert listed, "scripts/test no longer lists its quick tests in QUICK_TESTS=(...)"
    modules = listed.group(1).split()
    assert len(modules) >= 5
    for module in modules:
        assert (ROOT / "tests" / module).is_file(), f"scripts/test --quick names {module}, which does not exist"
    assert "scripts/test --quick" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "scripts/test --quick" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--quick" in subprocess.run([ROOT / "scripts" / "test", "--help"], capture_output=True, text=True).stdout
