"""Run a module as ``__main__`` under resource limits: ``_run MEMORY FSIZE MODULE ARGS...``.

The limits are set here, in the child, rather than with ``preexec_fn`` (unsafe when
the harness runs cases from threads); programs the module starts (``dot``) inherit
them. ``FSIZE`` 0 means no file-size limit; otherwise writes past it fail with
``EFBIG``, standing in for a full disk.
"""

from __future__ import annotations

import resource
import runpy
import signal
import sys


def main() -> None:
    memory, fsize, module, *args = sys.argv[1:]
    resource.setrlimit(resource.RLIMIT_AS, (int(memory), int(memory)))
    if int(fsize):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(fsize), int(fsize)))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
