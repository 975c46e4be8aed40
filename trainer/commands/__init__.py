"""The subcommands of `debate-trainer`; each module registers one and runs it."""
