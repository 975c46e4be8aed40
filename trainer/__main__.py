"""`python -m trainer` is the same as the `debate-trainer` command."""

import sys

from trainer.cli import main

sys.exit(main())
