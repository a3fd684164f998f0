"""The live link's networking: the chair's hub (server), the juror's client, mDNS discovery.

The protocol (what is sent and accepted) is core/exchange/live.py; this package only carries
bytes. It uses Python's own asyncio (see README, "Sesi langsung", for why).
"""
