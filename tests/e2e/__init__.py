"""End-to-end tests: the bot and its tooling against the fake Bot API server."""
