"""backups, backup, restore-backup: the library's safety net."""

from __future__ import annotations

import argparse
from pathlib import Path

from summitreader.cli.common import CommandError, add_json_flag, print_json
from summitreader.core.library import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("about", help="versions of the app and its parts, and where the library is")
    add_json_flag(p)
    p.set_defaults(handler=cmd_about)

    p = sub.add_parser("backups", help="list the library's rolling backups, newest first")
    add_json_flag(p)
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("backup", help="back up the library now")
    add_json_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore-backup",
        help="bring back a backup (the current state is backed up first)",
        description="Restore the newest backup, or the one named. The library as it is now is "
        "backed up first, so a restore can itself be undone.",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="a backup file (default: the newest)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_restore)


def cmd_backups(args: argparse.Namespace, library: Library) -> int:
    found = library.backups()
    if args.json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "created": b.created.isoformat(),
                    "reason": b.reason,
                    "bytes": b.size,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print("No backups yet.")
    for b in found:
        print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.reason:<22} {b.size / 1024:>8.0f} KB  {b.path}")
    return 0


def cmd_backup(args: argparse.Namespace, library: Library) -> int:
    path = library.make_backup()
    if args.json:
        print_json({"path": str(path)})
    else:
        print(f"backed up to {path}")
    return 0


def cmd_restore(args: argparse.Namespace, library: Library) -> int:
    if args.file:
        backup = Path(args.file)
        if not backup.is_file():
            raise CommandError(f"no such backup file: {backup}")
    else:
        found = library.backups()
        if not found:
            raise CommandError("there are no backups of this library yet")
        backup = found[0].path
    safety = library.restore_backup(backup)
    library.ensure_index()
    if args.json:
        print_json({"restored": str(backup), "previous_state": str(safety)})
    else:
        print(f"restored {backup}; the library as it was is kept in {safety}")
    return 0


def cmd_about(args: argparse.Namespace, library: Library) -> int:
    from summitreader.core.about import versions

    found = versions()
    if args.json:
        print_json({"versions": dict(found), "library": str(library.root)})
        return 0
    for name, version in found:
        print(f"{name:<16} {version}")
    print(f"{'Library':<16} {library.root}")
    return 0
