"""Network guard for a process under test (put this folder first on PYTHONPATH).

Every TCP connection and every name lookup is checked against NETGUARD_ALLOW, a JSON list of
[host, port] pairs; anything else is appended to the file NETGUARD_LOG and refused.
"""

import ipaddress
import json
import os
import socket
import traceback

_ALLOW = {(host, int(port)) for host, port in json.loads(os.environ.get("NETGUARD_ALLOW", "[]"))}
_LOCAL_NAMES = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "::", "", None}
_connect, _connect_ex, _getaddrinfo = (
    socket.socket.connect,
    socket.socket.connect_ex,
    socket.getaddrinfo,
)


def _refuse(what: str) -> None:
    with open(os.environ["NETGUARD_LOG"], "a", encoding="utf-8") as log:
        stack = "".join(traceback.format_stack(limit=12)[:-2])
        log.write(json.dumps({"attempt": what, "stack": stack}) + "\n")


def _allowed(address) -> bool:
    host, port = address[0], address[1]
    host = "127.0.0.1" if host in ("localhost", "::1", "::ffff:127.0.0.1") else host
    return (host, int(port)) in _ALLOW


def connect(self, address, *args, **kwargs):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _refuse(f"connect {address!r}")
        raise ConnectionRefusedError(f"netguard: {address!r} is not an allowed endpoint")
    return _connect(self, address, *args, **kwargs)


def connect_ex(self, address, *args, **kwargs):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _allowed(address):
        _refuse(f"connect_ex {address!r}")
        return 111
    return _connect_ex(self, address, *args, **kwargs)


def _numeric(name) -> bool:
    try:
        ipaddress.ip_address(str(name))
    except ValueError:
        return False
    return True  # no lookup needed; `connect` checks the address itself


def getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name not in _LOCAL_NAMES and not _numeric(name):
        _refuse(f"lookup {name!r}")
        raise socket.gaierror(socket.EAI_NONAME, f"netguard: lookup of {name!r} refused")
    return _getaddrinfo(host, *args, **kwargs)


if os.environ.get("NETGUARD_LOG"):
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
