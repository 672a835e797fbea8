"""A second process that gets the pipeline ready while the build does other work.

Made for a rebuild after a small edit, where a second or more goes to making
the pipeline ready (importing spaCy, loading the pipeline, building the
project's own tables on the first article) and a fraction of it to parsing
the few changed articles. The process is forked when the build starts, loads
the pipeline and runs the warm-up article through it while this process reads
the content folder and decodes the cached extractions, and then parses the
articles that missed the cache, if they are few. When there are none, or too
many for one process (the pool parses those faster), it is killed unused.

The child only ever returns results: whatever goes wrong in it (no pipeline,
a crash, a kill) means that the articles it did not return are parsed in
this process instead, where the error, if any, is raised.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from timeline.errors import ConfigError
from timeline.extract.parallel import ExtractFn, serial, warm_up, worker_init
from timeline.records import Article, Extraction

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from timeline.config import Config

log = logging.getLogger("timeline")


class ParseAhead:
    """The forked process and the two pipes to it: articles out, extractions back."""

    def __init__(self, cfg: "Config", extract: ExtractFn) -> None:
        context = multiprocessing.get_context("fork")
        self._results, send_results = context.Pipe(duplex=False)
        receive_articles, self._articles = context.Pipe(duplex=False)
        parents = (self._articles, self._results)
        self._child = context.Process(target=_child, args=(receive_articles, send_results, parents, cfg, extract),
                                      daemon=True)
        self._child.start()
        self._submitted: list[Article] = []
        self._sender: threading.Thread | None = None
        send_results.close()
        receive_articles.close()

    @staticmethod
    def allowed(jobs: int) -> bool:
        """Whether a second process may be used: more than one job, and a process that can fork one."""
        return (jobs > 1 and "fork" in multiprocessing.get_all_start_methods()
                and not multiprocessing.current_process().daemon)

    @staticmethod
    def worthwhile(misses: int, others: int, cfg: "Config") -> bool:
        """Whether the misses fit one batch, with other work to overlap: more are parsed
        faster by the pool, whose workers a daemonic child cannot start."""
        return others > 0 and 0 < misses <= max(1, cfg.nlp.batch_size)

    def submit(self, articles: Sequence[Article]) -> None:
        """Hand ``articles`` over to be parsed; ``results`` then gives their extractions.

        Sent from a thread: the child reads them only once its pipeline is loaded,
        and a batch of long articles fills the pipe long before, which would hold
        this process up for as long.
        """
        self._submitted = list(articles)
        self._sender = threading.Thread(target=self._send, args=(self._submitted,), daemon=True)
        self._sender.start()

    def _send(self, articles: list[Article]) -> None:
        try:
            self._articles.send(articles)
        except (OSError, ValueError):  # the child ended, or the pipe was closed: parsed here
            log.debug("parse ahead ended before its articles were sent; they are parsed here")

    def results(self, rest: Callable[[list[Article]], Iterator[Extraction]]) -> Iterator[Extraction]:
        """The extractions of the submitted articles, in their order: the child's, then
        ``rest`` of those it did not give."""
        articles = self._submitted
        done = 0
        try:
            while done < len(articles):
                extraction = self._results.recv()
                done += 1
                yield extraction
        except (EOFError, OSError):
            log.debug("parse ahead stopped after %d of %d articles; parsing the rest here", done, len(articles))
        if done < len(articles):
            yield from rest(articles[done:])

    def close(self) -> None:
        if self._child.is_alive():
            self._child.kill()
        self._child.join()
        if self._sender is not None:
            self._sender.join()  # the pipe broke with the child: the send has ended
        self._articles.close()
        self._results.close()


def _child(receive: "Connection", send: "Connection", parents: tuple["Connection", ...], cfg: "Config",
           extract: ExtractFn) -> None:
    # The parent's ends of the pipes came with the fork; closed here, so that the
    # parent's death (even by SIGKILL) ends a wait below with EOFError or EPIPE.
    for end in parents:
        end.close()
    worker_init()
    try:
        from timeline.extract.pipeline import load_pipeline

        nlp = load_pipeline(cfg.nlp.pipeline)
        warm_up(nlp, cfg, extract)  # before the articles come
        articles = receive.recv()
        for extraction in serial(articles, nlp, cfg, extract):
            send.send(extraction)
    except EOFError:
        pass  # the build needed nothing parsed, or ended
    except Exception:  # noqa: BLE001 - the parent parses what is left and reports the error
        log.debug("parse ahead failed", exc_info=True)
    finally:
        send.close()


def ready_here(cfg: "Config", extract: ExtractFn) -> bool:
    """Load the pipeline and build the extraction's tables in this process, for a process
    that builds again and again (``serve``): the process a rebuild forks to parse (and
    the pool's workers) then start with them, and a changed article is parsed at once.

    False when the pipeline cannot be loaded; the next build says why.
    """
    from timeline.extract.pipeline import load_pipeline

    try:
        nlp = load_pipeline(cfg.nlp.pipeline)
    except ConfigError:
        return False
    warm_up(nlp, cfg, extract)
    return True
