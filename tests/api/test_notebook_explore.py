"""examples/explore.ipynb runs from top to bottom on the seeds, in a real kernel."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "explore.ipynb"


@pytest.mark.slow
def test_notebook_explore_runs_on_the_seeds(tmp_path, monkeypatch):
    monkeypatch.setenv("INNOGRAPH_SEEDS", str(ROOT / "seeds"))
    monkeypatch.setenv("MPLBACKEND", "Agg")  # as some tools set it: the notebook must still show its charts
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # the kernel runs this interpreter, so it sees the same innograph as the tests
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.kernel_manager_class = _kernel_manager_for(sys.executable)
    client.execute()

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "5 of 5 documents loaded" in text
    assert "shortest chain(s)" in text
    images = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the ego network and the centrality chart
    tables = "\n".join(o["data"].get("text/plain", "") for o in outputs if o.output_type in ("execute_result",
                                                                                           "display_data"))
    assert "betweenness" in tables and "place_hosts" in tables


def _kernel_manager_for(python: str) -> type:
    from jupyter_client.manager import KernelManager

    class ThisPythonKernel(KernelManager):
        """Start the kernel with the interpreter running the tests, whatever kernel.json says."""

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            command = super().format_kernel_cmd(extra_arguments)
            return [python, *command[1:]] if command and Path(command[0]).name.startswith("python") else command

    return ThisPythonKernel
