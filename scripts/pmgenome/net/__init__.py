"""The one polite HTTP client for strangers' URLs: the client, per-host limits, the address guard."""
