"""`python -m bot.cli`: the `writeoff` command."""

from bot.cli import main

main()
