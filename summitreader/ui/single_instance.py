"""One window per library: a second start hands its files to the running window and exits.

The running window listens on a local socket named from the library's path; a later start
connects, sends the paths it was given as one JSON line, and quits. A socket left behind by a
crashed window is removed before listening again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 500


def server_name(library_root: Path | str) -> str:
    """The socket name for one library: the same path always gives the same name."""
    resolved = str(Path(library_root).expanduser().resolve())
    return "summitreader-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:20]


def encode_paths(paths: Sequence[str]) -> bytes:
    return json.dumps({"open": [str(p) for p in paths]}).encode("utf-8") + b"\n"


def decode_paths(line: bytes) -> list[str] | None:
    """The paths of one message, or None when it is not one of ours."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    paths = data.get("open") if isinstance(data, dict) else None
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        return None
    return paths


def hand_over(name: str, paths: Sequence[str], *, timeout_ms: int = CONNECT_MS) -> bool:
    """Send `paths` to a window already listening on `name`; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(encode_paths(paths))
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    log.info("Handed %d path(s) to the running window", len(paths))
    return True


class InstanceServer(QObject):
    """Listens for later starts on the same library.

    Signals:
        paths_did_arrive(list): a later start sent these paths (maybe none: just show the window).
    """

    paths_did_arrive = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening, clearing a socket a crashed window left; False if it cannot."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("Cannot listen for other starts: %s", self.server.errorString())
        return False

    def close(self) -> None:
        """Stop listening and drop any connection still open."""
        self.server.close()
        for socket in list(self._buffers):
            self._drop(socket)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(self._ready_read)
            socket.disconnected.connect(self._disconnected)
            if socket.bytesAvailable():
                self._read(socket)

    def _ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket in self._buffers:
            self._read(socket)

    def _disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket in self._buffers:
            self._read(socket)
            rest = self._buffers.get(socket, b"")
            if rest.strip():
                self._deliver(rest)
            self._drop(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            self._deliver(line)
        self._buffers[socket] = data

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.readyRead.disconnect(self._ready_read)
        socket.disconnected.disconnect(self._disconnected)
        socket.abort()
        socket.deleteLater()

    def _deliver(self, line: bytes) -> None:
        paths = decode_paths(line)
        if paths is None:
            log.warning("Ignored a message on the window's socket")
            return
        self.paths_did_arrive.emit(paths)
