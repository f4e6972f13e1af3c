"""Programmatic doors of `assistant serve`: the OpenAI-compatible API and the MCP server, both
authenticated with per-user API tokens (`assistant tokens create`)."""
