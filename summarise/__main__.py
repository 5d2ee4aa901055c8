"""``python -m summarise`` runs the command line."""

import sys

from summarise.apps.cli.parser import main

sys.exit(main())
