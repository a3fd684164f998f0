"""mDNS/DNS-SD: the hub announces ``_kolabik._tcp`` with its event's id and name; a juror's app
browses for the hub of its own event. Where multicast is blocked the window's short address
and QR code (or ``kolabik sync --hub``) take over; trust never rests on discovery (the kit pins
the hub's key), so a rogue announcement only costs a refused connection.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

SERVICE = "_kolabik._tcp.local."


def _interfaces(address: str) -> Any:
    from zeroconf import InterfaceChoice

    return [address] if address.startswith("127.") else InterfaceChoice.All


class Announcement:
    """The hub's DNS-SD record, withdrawn by ``close()``."""

    def __init__(self, event_uid: str, event_name: str, address: str, port: int):
        from zeroconf import ServiceInfo, Zeroconf

        self._zc = Zeroconf(interfaces=_interfaces(address))
        label = "".join(ch for ch in event_name if ch.isalnum() or ch in " -")[:40].strip()
        self.info = ServiceInfo(
            SERVICE,
            f"{label or 'Kolabik'} {event_uid[:8]}.{SERVICE}",
            addresses=[socket.inet_aton(address)],
            port=port,
            properties={"event": event_uid, "name": event_name[:100], "v": "1"},
        )
        self._zc.register_service(self.info)

    def close(self) -> None:
        try:
            self._zc.unregister_service(self.info)
        finally:
            self._zc.close()


def discover(event_uid: str, timeout: float = 3.0, interface: str = "") -> list[str]:
    """Addresses (``http://IP:PORT``) of hubs announcing ``event_uid``, within ``timeout``."""
    from zeroconf import ServiceBrowser, ServiceStateChange, Zeroconf

    zc = Zeroconf(interfaces=_interfaces(interface) if interface else _interfaces(""))
    found: list[str] = []
    seen = threading.Event()

    def changed(zeroconf: Any, service_type: str, name: str, state_change: Any) -> None:
        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=1500)
        if info is None or info.properties.get(b"event") != event_uid.encode():
            return
        for raw in info.addresses:
            found.append(f"http://{socket.inet_ntoa(raw)}:{info.port}")
        seen.set()

    browser = ServiceBrowser(zc, SERVICE, handlers=[changed])
    try:
        end = time.monotonic() + timeout
        while not seen.is_set() and time.monotonic() < end:
            seen.wait(0.05)
    finally:
        browser.cancel()
        zc.close()
    return list(dict.fromkeys(found))
