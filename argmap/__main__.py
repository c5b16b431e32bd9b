"""Run the argmap command: ``python -m argmap``."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
