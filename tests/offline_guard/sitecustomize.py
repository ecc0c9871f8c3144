"""Offline guard for test subprocesses: put this directory first on PYTHONPATH.

Python imports ``sitecustomize`` at start-up, before any of the program's code. This one
blocks every network socket the process could open and records each attempt:

- in Python: ``socket.socket`` (and ``_socket.socket``) refuse any family but AF_UNIX;
  ``create_connection``, ``create_server``, ``getaddrinfo`` and the other name lookups
  refuse outright. Each raises OSError after recording.
- in native code (Qt, PROJ…), on Linux x86-64 and aarch64: a seccomp filter kills the
  process with SIGSYS at a ``socket()`` system call of any family but AF_UNIX (fail
  closed: a test sees the exit status -SIGSYS; a signal handler could not make the call
  fail cleanly, and SECCOMP_RET_ERRNO would hide the attempt). Where seccomp can't be
  installed, only the Python layer is armed, and the ARMED line says so.

Environment: ``OFFLINE_GUARD_LOG`` names the file every blocked attempt is appended to
(one line each: pid, what, where); ``OFFLINE_GUARD_ARMED`` names a file that gets one
line ``armed <pid> python=1 native=<0|1>`` per process, so a test can tell the guard ran.
It does not chain to another ``sitecustomize`` (a distribution's, say) that it hides.
"""

from __future__ import annotations

import _socket
import os
import socket
import sys

_LOG = os.environ.get("OFFLINE_GUARD_LOG", "")
_ARMED = os.environ.get("OFFLINE_GUARD_ARMED", "")
_ALLOWED_FAMILIES = (socket.AF_UNIX,)


def _append(path: str, line: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(line.replace("\n", " ") + "\n")


def _caller() -> str:
    """file:line of the nearest frame outside this module and the socket module."""
    frame = sys._getframe(1)
    skip = {__file__, socket.__file__}
    while frame is not None and frame.f_code.co_filename in skip:
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"


def _refuse(what: str) -> OSError:
    _append(_LOG, f"{os.getpid()} {what} at {_caller()}")
    return OSError(f"offline guard: {what} refused (the viewer never uses the network)")


def _check_family(family) -> None:
    family = socket.AF_INET if family in (-1, None) else family
    if family not in _ALLOWED_FAMILIES:
        raise _refuse(f"socket(family={family!r})")


class _GuardedSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            _check_family(family)
        super().__init__(family, type, proto, fileno)
        if fileno is not None and self.family not in _ALLOWED_FAMILIES:
            self.detach()
            raise _refuse(f"socket(fileno=..., family={self.family!r})")


_RAW_SOCKET = _socket.socket


class _GuardedRawSocket(_RAW_SOCKET):
    """``socket.socket.__init__`` calls ``_socket.socket.__init__(self, ...)`` by name, so
    this __init__ also runs for instances of the Python class: no super() here."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            _check_family(family)
        _RAW_SOCKET.__init__(self, family, type, proto, fileno)


def _refusing(name: str):
    def refuse(*args, **kwargs):
        raise _refuse(f"{name}{args!r}")
    refuse.__name__ = name
    return refuse


def _arm_python() -> None:
    socket.socket = _GuardedSocket
    _socket.socket = _GuardedRawSocket
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                 "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
        setattr(socket, name, _refusing(name))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
                 "getnameinfo"):
        setattr(_socket, name, _refusing(name))


# -- native code: a seccomp filter on socket() ------------------------------------------
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # AUDIT_ARCH_*, __NR_socket


def _arm_native() -> bool:
    import ctypes
    import platform
    import resource
    if sys.platform != "linux" or platform.machine() not in _ARCH:
        return False
    arch, nr_socket = _ARCH[platform.machine()]
    ld, jeq, ret = 0x20, 0x15, 0x06           # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_RET|K
    allow, kill = 0x7FFF0000, 0x80000000      # SECCOMP_RET_ALLOW, SECCOMP_RET_KILL_PROCESS
    program = [
        (ld, 0, 0, 4),                        # seccomp_data.arch
        (jeq, 0, 5, arch),                    # another ABI: allow
        (ld, 0, 0, 0),                        # seccomp_data.nr
        (jeq, 0, 3, nr_socket),               # not socket(): allow
        (ld, 0, 0, 16),                       # seccomp_data.args[0], low half: the family
        (jeq, 1, 0, socket.AF_UNIX),          # AF_UNIX: allow
        (ret, 0, 0, kill),                    # anything else: die of SIGSYS
        (ret, 0, 0, allow),
    ]

    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte),
                    ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Filter))]

    filters = (Filter * len(program))(*[Filter(*f) for f in program])
    prog = Program(len(program), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong,
                           ctypes.c_ulong]
    pr_set_no_new_privs, pr_set_seccomp, seccomp_mode_filter = 38, 22, 2
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))      # no core file when killed
    if libc.prctl(pr_set_no_new_privs, 1, None, 0, 0) != 0:
        return False
    return libc.prctl(pr_set_seccomp, seccomp_mode_filter, ctypes.addressof(prog), 0, 0) == 0


_arm_python()
try:
    _native = _arm_native()
except (OSError, AttributeError, ValueError):
    _native = False
_append(_ARMED, f"armed {os.getpid()} python=1 native={int(_native)}")
