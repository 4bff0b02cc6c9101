"""The llm engine's parts: prompt templates, the client (retries, cache, usage), answers."""
