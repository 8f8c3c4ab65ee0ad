"""Window preferences in one INI file, so tests can point it at a temporary folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from summitreader.paths import APP_NAME


def app_settings() -> QSettings:
    """The user's window settings (tests redirect them with `QSettings.setPath`)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in {"true", "1", "yes"}
    return bool(value)


def read_float(settings: QSettings, key: str, default: float) -> float:
    try:
        return float(settings.value(key, default))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
