"""A juror whose hub does not answer reads why in their language (issue 17: no English in the
Indonesian interface): the socket's failure is a reason code, not the system's English text."""

from __future__ import annotations

import errno
import http.client
import socket

import pytest

from kolabik_desktop.core.exchange import live
from kolabik_desktop.core.exchange.live import LiveRefusal
from kolabik_desktop.core.scoring.problem_text import REASON_TEXTS, problem_message
from kolabik_desktop.live.client import HubClient, network_error_code


def test_a_hub_not_started_reads_in_indonesian_without_the_systems_english():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = HubClient(f"127.0.0.1:{port}", None, timeout=5.0)
    with pytest.raises(LiveRefusal) as refused:
        client.info()
    assert refused.value.code == live.REFUSED_UNREACHABLE
    said = problem_message(refused.value.problem, "id")
    assert REASON_TEXTS["net_refused"]["id"] in said
    assert "Connection" not in said and "Errno" not in said
    assert REASON_TEXTS["net_refused"]["en"] in str(refused.value)  # the CLI's English


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "net_refused"),
        (TimeoutError("timed out"), "net_timeout"),
        (http.client.RemoteDisconnected("Remote end closed connection"), "net_dropped"),
        (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), "net_dropped"),
        (OSError(errno.EHOSTUNREACH, "No route to host"), "net_unreachable"),
        (OSError(errno.ENETUNREACH, "Network is unreachable"), "net_unreachable"),
        (socket.gaierror(-2, "Name or service not known"), "net_unknown_host"),
        (OSError(errno.EMFILE, "Too many open files"), ""),  # no words: the system's own text
    ],
)
def test_each_network_failure_has_words_in_both_languages(failure, code):
    assert network_error_code(failure) == code
    assert code == "" or set(REASON_TEXTS[code]) == {"id", "en"}


def test_a_hub_on_a_port_in_use_says_why_in_indonesian(tmp_path):
    """The chair starts the hub on a port another program holds: the refusal is coded and
    worded in the chair's language, not the system's "Address already in use"."""
    from factories import make_event

    from kolabik_desktop.core import codes as ec
    from kolabik_desktop.core.errors import KolabikError
    from kolabik_desktop.live.server import HubServer

    db, _ids = make_event(tmp_path / "chair.kolabik", entries=3)
    try:
        with socket.socket() as taken:  # another program listening on the port
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            server = HubServer(live.HubSession(db, approve="all"), "127.0.0.1", port)
            with pytest.raises(KolabikError) as refused:
                server.start()
        assert refused.value.code == ec.LIVE_CANNOT_LISTEN
        said = problem_message(refused.value.problem, "id")
        assert REASON_TEXTS["net_port_in_use"]["id"] in said and f"127.0.0.1:{port}" in said
        assert "Address" not in said and "Errno" not in said
        assert REASON_TEXTS["net_port_in_use"]["en"] in str(refused.value)  # the CLI's English
    finally:
        db.close()
