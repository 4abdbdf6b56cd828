"""The one Slack Web API client: honours SLACK_API_URL and retries rate limits and
connection errors the way slack_sdk recommends."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)


def make_web_client(token: str | None, base_url: str, timeout: int = 10) -> WebClient:
    if not base_url.endswith("/"):
        base_url += "/"
    client = WebClient(token=token, base_url=base_url, timeout=timeout)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return client
