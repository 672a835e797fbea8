"""The example built as a maintainer builds it gives, byte for byte, the store and the pages kept in
tests/golden/expected/. After an intended change of the output: ``python -m tests.golden``."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import EXPECTED, build_example, difference, expected_files, golden_files

REGENERATE = "if the change is intended, write the expected files again with: python -m tests.golden"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("golden")
    return folder, build_example(folder)


def test_the_example_builds_without_errors(example: tuple[Path, int]) -> None:
    _, status = example
    assert status == 0


def test_the_build_writes_the_files_of_the_golden_set(example: tuple[Path, int]) -> None:
    """A month file of the store added or gone, or a page no longer built, shows here."""
    folder, _ = example
    built = {name for name in golden_files(folder) if (folder / name).is_file()}
    expected = set(expected_files())
    assert built == expected, (f"expected but not built: {sorted(expected - built)}; "
                               f"built but not expected: {sorted(built - expected)}; {REGENERATE}")


@pytest.mark.parametrize("name", expected_files())
def test_the_built_file_is_the_expected_one(example: tuple[Path, int], name: str) -> None:
    folder, _ = example
    if not (folder / name).is_file():
        pytest.fail(f"{name} was not built; {REGENERATE}", pytrace=False)
    diff = difference(EXPECTED / name, folder / name, name)
    if diff:
        pytest.fail(f"{name} differs from tests/golden/expected/{name}; {REGENERATE}\n{diff}", pytrace=False)
