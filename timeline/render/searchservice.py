"""Pagefind run as a service: a shard's records sent through its input, its bundle read from its output.

Run over a folder, Pagefind reads a file per record and writes a file per page
of its bundle, which the render then reads back into the site: at 100,000
events, 400,000 files made, read and removed, most of what the search index
cost the machine. ``pagefind --service`` takes the records as text and hands the
bundle's files back, so the index touches the disk only when the site is
written. Its protocol is the one Pagefind's own Python and Node packages speak:
each message base64-encoded JSON, ended by a comma, answered in the same form
under the message's number. Pagefind's Python package is not used for it: it
waits a tenth of a second before reading each answer, which at one answer per
record is 400 seconds for a shard of 4,000 events.

Records are sent in the order of their addresses, as Pagefind run over a folder
reads them, so that the same records always make the same bundle.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from typing import IO, Any, Sequence

from timeline.render.search import NOT_INSTALLED, lean, pagefind_binary, stable

log = logging.getLogger("timeline")
WAIT_SECONDS = 3600  # a shard Pagefind has not indexed in this long is given up
READ_BYTES = 1 << 20


@dataclass
class Service:
    """A Pagefind service indexing one shard: the process, where its complaints go, and what it answered."""

    process: subprocess.Popen[bytes]
    said: IO[bytes]
    records: Sequence[tuple[str, str]]
    language: str
    index: int | None = None  # the index Pagefind made for the shard
    files: list[dict[str, str]] | None = None  # the bundle, as Pagefind hands it over
    errors: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)  # the index is made (or the process ended)
    done: threading.Event = field(default_factory=threading.Event)  # the bundle is in (or the process ended)
    threads: list[threading.Thread] = field(default_factory=list)


def start_index(records: Sequence[tuple[str, str]], language: str) -> Service | None:
    """Start indexing ``records`` (site path, HTML) in a Pagefind service; None, with a warning,
    when Pagefind cannot be run. Two threads feed it and read it while the caller goes on."""
    binary = pagefind_binary()
    if binary is None:
        log.warning(NOT_INSTALLED)
        return None
    said = tempfile.TemporaryFile()
    try:
        process = subprocess.Popen([binary, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=said)
    except OSError as exc:
        said.close()
        log.warning("search index not built: %s", exc)
        return None
    service = Service(process, said, sorted(records), language)
    service.threads = [threading.Thread(target=target, args=(service,), name=f"pagefind-{name}", daemon=True)
                       for name, target in (("in", _feed), ("out", _read))]
    for thread in service.threads:
        thread.start()
    return service


def finish_index(service: Service | None) -> dict[str, bytes] | None:
    """The bundle's files by their path in it, lean and stable; None, with a warning, when Pagefind failed."""
    if service is None:
        return None
    with service.said:
        if not service.done.wait(WAIT_SECONDS):
            stop_index(service)
            log.warning("search index not built: Pagefind ran for an hour")
            return None
        for thread in service.threads:
            thread.join()
        service.process.wait()
        if service.files is None or service.errors:
            service.said.seek(0)
            message = "; ".join(service.errors) or service.said.read().decode("utf-8", "replace").strip()[-500:]
            log.warning("search index not built: pagefind said %s",
                        message or f"nothing (status {service.process.returncode})")
            return None
    try:
        files = {item["path"]: base64.b64decode(item["content"]) for item in service.files}
    except (KeyError, TypeError, binascii.Error) as exc:
        log.warning("search index not built: pagefind handed over a bundle it could not read (%s)", exc)
        return None
    kept = lean(files)
    try:
        return stable(kept)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        # The index works as Pagefind wrote it; only its bytes vary between builds.
        log.warning("search index left as Pagefind wrote it (%s): builds may differ in pagefind/", exc)
        return kept


def stop_index(service: Service | None) -> None:
    """End a service nobody will wait for (the build failed)."""
    if service is not None:
        service.process.kill()
        service.process.wait()
        service.ready.set()
        service.done.set()
        for thread in service.threads:
            thread.join()
        service.said.close()


def _message(number: int, payload: dict[str, Any]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode("utf-8")) + b","


def _feed(service: Service) -> None:
    """Ask for an index, send every record into it, then ask for its files and end the input."""
    pipe = service.process.stdin
    assert pipe is not None
    try:
        pipe.write(_message(0, {"type": "NewIndex", "config": {"force_language": service.language}}))
        pipe.flush()
        service.ready.wait()
        if service.index is not None:
            for number, (path, html) in enumerate(service.records, start=1):
                pipe.write(_message(number, {"type": "AddFile", "index_id": service.index, "url": f"/{path}",
                                             "file_contents": html, "file_path": None}))
            pipe.write(_message(len(service.records) + 1, {"type": "GetFiles", "index_id": service.index}))
            pipe.flush()
            service.done.wait()
    except OSError as exc:  # the process ended: what it said tells why
        service.errors.append(f"it stopped reading ({exc.strerror or exc})")
    finally:
        try:
            pipe.close()
        except OSError:
            pass


def _read(service: Service) -> None:
    """Take Pagefind's answers as they come: the index made, each record's, then the files."""
    pipe = service.process.stdout
    assert pipe is not None
    pending = b""
    try:
        while chunk := os.read(pipe.fileno(), READ_BYTES):
            *messages, pending = (pending + chunk).split(b",")
            for message in messages:
                _answer(service, message)
    finally:
        service.ready.set()
        service.done.set()


def _answer(service: Service, message: bytes) -> None:
    try:
        payload = json.loads(base64.b64decode(message))["payload"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        service.errors.append(f"an answer that is not its protocol's ({message[:80]!r})")
        return
    kind = payload.get("type")
    if kind == "NewIndex":
        service.index = payload.get("index_id")
        service.ready.set()
    elif kind == "GetFiles":
        service.files = payload.get("files")
        service.done.set()
    elif kind == "Error":
        service.errors.append(str(payload.get("message")))
        service.ready.set()
        service.done.set()
