"""Files shared in Slack: what kind they are, and fetching their bytes with the bot token."""

from __future__ import annotations

from typing import Any

import httpx
from slack_sdk import WebClient

MAX_FILE_BYTES = 10 * 1024 * 1024
SHEET_TYPES = frozenset({"csv", "xlsx", "tsv"})
EVIDENCE_TYPES = frozenset({"png", "jpg", "jpeg", "gif", "heic", "webp", "pdf"})


class FileProblem(RuntimeError):
    pass


def file_type(f: dict[str, Any]) -> str:
    return str(f.get("filetype") or str(f.get("name", "")).rsplit(".", 1)[-1]).lower()


def is_sheet(f: dict[str, Any]) -> bool:
    return file_type(f) in SHEET_TYPES


def is_evidence(f: dict[str, Any]) -> bool:
    mime = str(f.get("mimetype") or "")
    return file_type(f) in EVIDENCE_TYPES or mime.startswith("image/")


def evidence_kind(f: dict[str, Any]) -> str:
    return "document" if file_type(f) == "pdf" else "photo"


def download(client: WebClient, file_id: str, token: str) -> tuple[dict[str, Any], bytes]:
    """files.info, then the private URL with the bot token. Slack answers an unauthorised
    download with an HTML sign-in page, so that is refused rather than parsed."""
    info = client.files_info(file=file_id)["file"]
    if int(info.get("size") or 0) > MAX_FILE_BYTES:
        raise FileProblem(f"{info.get('name')} is larger than 10 MB")
    url = info.get("url_private_download") or info.get("url_private")
    resp = httpx.get(
        url, headers={"Authorization": f"Bearer {token}"}, timeout=30, follow_redirects=True
    )
    resp.raise_for_status()
    if "text/html" in resp.headers.get("content-type", "") and not is_evidence(info):
        raise FileProblem("Slack did not hand over the file (is the bot in this channel?)")
    if len(resp.content) > MAX_FILE_BYTES:
        raise FileProblem(f"{info.get('name')} is larger than 10 MB")
    return info, resp.content
