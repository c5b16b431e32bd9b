"""File formats: one module per format.

* :mod:`argmap.formats.native` — argmap's own YAML/JSON (``argmap: 1``), lossless.
* :mod:`argmap.formats.iccma` — abstract frameworks: ASPARTIX ``.apx``, ``.tgf``, ICCMA 2023 ``.af``.
* :mod:`argmap.formats.carneades` — Carneades 4 argument graphs (YAML).
"""
