"""The command line: ``summarise clean|summarise|ask|claims|serve|models|batch|evaluate``."""

from summarise.apps.cli.parser import main

__all__ = ["main"]
