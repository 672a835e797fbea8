"""A build whose articles are all cached never pays for importing spaCy: the
stages other than parsing import none of it."""

from __future__ import annotations

import subprocess
import sys

STAGES = ("timeline.cli.main", "timeline.build", "timeline.sources", "timeline.extract", "timeline.resolve",
          "timeline.merge", "timeline.merge.reconcile", "timeline.store.events", "timeline.store.registry",
          "timeline.render")


def test_the_stages_besides_parsing_do_not_import_spacy() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in STAGES) +
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
