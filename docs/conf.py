"""Sphinx configuration for the argmap documentation (built by `make docs`).

Pages are MyST Markdown; pages with code cells are executed by myst-nb at build time, so
every diagram, evaluation and exercise answer shown is what the library produces today.
This file imports nothing from Sphinx at module level: pytest imports it while collecting
doctests, and the test environment does not install the `docs` extra.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import argmap

project = "argmap"
author = "argmap developers"
copyright = "argmap developers, MIT licence"
version = release = argmap.__version__

extensions = [
    "myst_nb",  # MyST Markdown and notebooks, executed at build time
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",  # Google-style docstrings
    "sphinxarg.ext",  # the CLI reference, generated from argmap.cli.build_parser()
]

root_doc = "index"
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
templates_path: list[str] = []
html_static_path = ["_static"]

html_theme = "furo"
html_title = f"argmap {release}"
html_theme_options = {"navigation_with_keys": True}
pygments_style = "friendly"
pygments_dark_style = "monokai"

myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]
myst_heading_anchors = 3

# Notebooks and code-cell pages run on every build; an error in a cell fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 180
nb_execution_in_temp = True  # files a page writes (brief.html, map.svg) go to a temporary folder
nb_merge_streams = True
nb_mime_priority_overrides = [("html", "image/svg+xml", 5)]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# The doctests in docs/*.md run in `make test`; here they are shown, not run again.
_PROMPT = re.compile(r"^\s*>>> ", re.MULTILINE)


def _doctest_blocks_as_pycon(app: Any, doctree: Any) -> None:
    """Highlight ```python blocks that hold a doctest session as a console session."""
    from docutils import nodes

    for block in doctree.findall(nodes.literal_block):
        if block.get("language") in ("python", "python3", "py") and _PROMPT.search(block.astext()):
            block["language"] = "pycon"


def _diagrams_open_full_size(app: Any, doctree: Any) -> None:
    """Make each diagram a cell draws a link to the full-size SVG.

    A whole doctrine is wider than the page, so the page shows it scaled down; Sphinx links
    a scaled image to its file (`html_scaled_image_link`) once it has a width.
    """
    from docutils import nodes

    for image in doctree.findall(nodes.image):
        if str(image.get("uri", "")).endswith(".svg") and "width" not in image:
            image["width"] = "100%"
            image["classes"].append("argmap-diagram")
            if image.get("alt", "") in ("", image["uri"]):  # not the file name, for screen readers
                image["alt"] = "Diagram drawn by argmap (open the image for full size)"


HERE = Path(__file__).resolve().parent


def _copy_notebooks(app: Any) -> None:
    """Copy examples/*.ipynb into docs/notebooks/ so that the build executes and shows them."""
    target = HERE / "notebooks"
    target.mkdir(exist_ok=True)
    for notebook in sorted((HERE.parent / "examples").glob("*.ipynb")):
        copy = target / notebook.name
        if not copy.exists() or copy.read_bytes() != notebook.read_bytes():
            shutil.copyfile(notebook, copy)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _copy_notebooks)
    app.connect("doctree-read", _doctest_blocks_as_pycon)
    app.connect("doctree-read", _diagrams_open_full_size)
    app.add_css_file("argmap.css")
    return {"parallel_read_safe": True}
