"""Files shared with the bot: count sheets become a batch of drafts; photos and PDFs become
evidence for the write-off they came with."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from slack_sdk import WebClient

from bot.blocks import mention
from bot.deps import Deps
from bot.sheet_blocks import (
    SheetSummary,
    Variance,
    failed_blocks,
    progress_blocks,
    summary_blocks,
)
from ledger.db import session_scope
from ledger.evidence import add_evidence, entries_for, link
from ledger.models import Evidence, JournalEntry
from ledger.posting import save_draft

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 10 * 1024 * 1024
SHEET_TYPES = frozenset({"csv", "xlsx", "tsv"})
EVIDENCE_TYPES = frozenset({"png", "jpg", "jpeg", "gif", "heic", "webp", "pdf"})
PROGRESS_EVERY = 500  # lines between card updates on a large sheet


class FileProblem(RuntimeError):
    pass


def file_type(f: dict[str, Any]) -> str:
    return str(f.get("filetype") or str(f.get("name", "")).rsplit(".", 1)[-1]).lower()


def is_sheet(f: dict[str, Any]) -> bool:
    return file_type(f) in SHEET_TYPES


def is_evidence(f: dict[str, Any]) -> bool:
    mime = str(f.get("mimetype") or "")
    return file_type(f) in EVIDENCE_TYPES or mime.startswith("image/")


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


@dataclass(frozen=True)
class Shared:
    channel: str
    user: str
    message_ts: str
    files: list[dict[str, Any]]


def attach_evidence(deps: Deps, client: WebClient, shared: Shared, entry_ids: list[int]) -> int:
    """Link photos / PDFs shared with a report to the drafts it produced."""
    token = deps.settings.slack_bot_token
    linked = 0
    for f in shared.files:
        if not is_evidence(f) or token is None:
            continue
        info, data = download(client, f["id"], token.get_secret_value())
        with session_scope(deps.books.engine) as s:
            ev = add_evidence(
                s,
                deps.books.company_id,
                kind="document" if file_type(info) == "pdf" else "photo",
                file_name=str(info.get("name") or f["id"]),
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                external_id=f["id"],
                uploaded_by=shared.user,
                channel=shared.channel,
                message_ts=shared.message_ts,
            )
            linked += link(s, deps.books.company_id, ev, entry_ids, shared.user)
    return linked


def process_count_sheet(
    deps: Deps, client: WebClient, shared: Shared, f: dict[str, Any]
) -> SheetSummary | None:
    from ledger.countsheet import SheetError, draft_variances, read_sheet, sha256_hex

    settings = deps.settings
    channel = settings.writeoff_approval_channel or shared.channel
    name = str(f.get("name") or f["id"])
    card = client.chat_postMessage(
        channel=channel, text=f"Count sheet {name}: reading…", blocks=progress_blocks(name, 0, None)
    )
    where = {"channel": card["channel"], "ts": card["ts"]}
    try:
        token = settings.slack_bot_token
        assert token is not None
        _info, data = download(client, f["id"], token.get_secret_value())
        sheet = read_sheet(data, name)
    except (SheetError, FileProblem, httpx.HTTPError) as exc:
        client.chat_update(
            **where,
            text=f"Count sheet {name} could not be read",
            blocks=failed_blocks(name, str(exc)),
        )
        return None
    with session_scope(deps.books.engine) as s:
        ev = add_evidence(
            s,
            deps.books.company_id,
            kind="count_sheet",
            file_name=name,
            sha256=sha256_hex(data),
            size=len(data),
            external_id=f["id"],
            uploaded_by=shared.user,
            channel=shared.channel,
            message_ts=shared.message_ts,
        )
        ev.card_channel, ev.card_ts = where["channel"], where["ts"]
        s.add(ev)
        evidence_id = ev.id or 0
    result = draft_variances(sheet, deps.books.context(), name)
    total = len(result.drafts)
    entry_ids: list[int] = []
    for i, (row, draft) in enumerate(result.drafts, start=1):
        with session_scope(deps.books.engine) as s:
            saved = save_draft(
                s,
                deps.books.company_id,
                draft,
                actor=shared.user,
                entry_date=date.today(),
                reporter=shared.user,
                channel=shared.channel,
                message_ts=shared.message_ts,
                idempotency_key=f"sheet:{evidence_id}:{row.line}",
            )
        entry_ids.append(saved.entry.id or 0)
        if i % PROGRESS_EVERY == 0 and i < total:
            client.chat_update(
                **where,
                text=f"Count sheet {name}: {i} of {total}",
                blocks=progress_blocks(name, i, total),
            )
    with session_scope(deps.books.engine) as s:
        ev = s.get(Evidence, evidence_id)
        assert ev is not None
        link(s, deps.books.company_id, ev, entry_ids, shared.user)
    summary = SheetSummary(
        evidence_id=evidence_id,
        file_name=name,
        uploaded_by=shared.user,
        lines_read=len(sheet.rows),
        unchanged=result.unchanged,
        drafts=total,
        complete=sum(1 for _, d in result.drafts if d.complete),
        shrinkage=result.total_shrinkage,
        overage=result.total_overage,
        largest=tuple(
            Variance(row.line, row.sku, row.expected, row.counted, d.amount)
            for row, d in result.largest(10)
        ),
        problems=tuple((p.line, p.reason) for p in result.problems),
        currency=settings.writeoff_currency,
    )
    client.chat_update(
        **where, text=f"Count sheet {name}: {total} variances", blocks=summary_blocks(summary)
    )
    return summary


def sheet_summary(
    deps: Deps, evidence_id: int, status: str, decided_by: str | None, note: str
) -> tuple[Evidence, SheetSummary] | None:
    """Rebuild the summary card from the books (after Approve all / Reject)."""
    with session_scope(deps.books.engine) as s:
        ev = s.get(Evidence, evidence_id)
        if ev is None:
            return None
        entries = entries_for(s, evidence_id)
    shrink = sum((e.total for e in entries if e.category != "overage"), Decimal("0.00"))
    over = sum((e.total for e in entries if e.category == "overage"), Decimal("0.00"))
    return ev, SheetSummary(
        evidence_id=evidence_id,
        file_name=ev.file_name,
        uploaded_by=ev.uploaded_by,
        lines_read=len(entries),
        unchanged=0,
        drafts=len(entries),
        complete=sum(1 for e in entries if e.status == "draft" and e.total > 0),
        shrinkage=shrink,
        overage=over,
        largest=(),
        problems=(),
        currency=deps.settings.writeoff_currency,
        status=status,
        decided_by=decided_by,
        note=note,
    )


def drafts_of(deps: Deps, evidence_id: int) -> list[JournalEntry]:
    with session_scope(deps.books.engine) as s:
        return [e for e in entries_for(s, evidence_id) if e.status == "draft"]


def tell(client: WebClient, channel: str, user: str, text: str) -> None:
    try:
        client.chat_postEphemeral(channel=channel, user=user, text=text)
    except Exception:
        log.exception("could not answer %s", mention(user))
