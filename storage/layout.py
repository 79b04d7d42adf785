"""Where files live under DATA_DIR.

::

    DATA_DIR/
      kratno.sqlite3 (+ -wal, -shm)     the database
      users/<user_id>/                  everything on disk about one user
        uploads/<upload_id>/            the uploaded file and exports made from it
        tmp/                            scratch files (removed by the daily purge after a day)

Deleting a user removes ``users/<user_id>/`` entirely; purging an upload removes its folder.
Nothing about a user may be written anywhere else under DATA_DIR.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

DATABASE_FILE = "kratno.sqlite3"
_PRIVATE = 0o700


def _checked_id(value: int, what: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{what} must be a positive int, got {value!r}")
    return str(value)


@dataclass(frozen=True, slots=True)
class DataLayout:
    """Paths under one DATA_DIR; the ``ensure_*`` methods create folders private to the bot."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def users_root(self) -> Path:
        return self.root / "users"

    def user_dir(self, user_id: int) -> Path:
        return self.users_root / _checked_id(user_id, "user_id")

    def upload_dir(self, user_id: int, upload_id: int) -> Path:
        return self.user_dir(user_id) / "uploads" / _checked_id(upload_id, "upload_id")

    def tmp_dir(self, user_id: int) -> Path:
        return self.user_dir(user_id) / "tmp"

    def ensure_upload_dir(self, user_id: int, upload_id: int) -> Path:
        return self._make_private(self.upload_dir(user_id, upload_id))

    def ensure_tmp_dir(self, user_id: int) -> Path:
        return self._make_private(self.tmp_dir(user_id))

    def remove_user(self, user_id: int) -> int:
        """Delete the user's folder; returns how many files were removed."""
        return _remove_tree(self.user_dir(user_id))

    def remove_upload(self, user_id: int, upload_id: int) -> int:
        return _remove_tree(self.upload_dir(user_id, upload_id))

    def remove_stale_tmp(self, older_than: float) -> int:
        """Delete scratch files last modified before the epoch time ``older_than``."""
        removed = 0
        for tmp in self.users_root.glob("*/tmp"):
            for path in sorted(tmp.rglob("*"), reverse=True):  # children before parents
                if path.is_file() or path.is_symlink():
                    if path.lstat().st_mtime < older_than:
                        path.unlink(missing_ok=True)
                        removed += 1
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
        return removed

    def _make_private(self, path: Path) -> Path:
        """Create ``path`` and every missing folder between it and the root as 0700."""
        self.root.mkdir(parents=True, exist_ok=True)
        current = self.root
        for part in path.relative_to(self.root).parts:
            current = current / part
            current.mkdir(mode=_PRIVATE, exist_ok=True)
        return path

    def user_ids_on_disk(self) -> list[int]:
        """Ids of users that have a folder."""
        if not self.users_root.is_dir():
            return []
        return sorted(int(p.name) for p in self.users_root.iterdir() if p.name.isdigit())

    def upload_ids_on_disk(self, user_id: int) -> list[int]:
        """Ids of the user's upload folders."""
        uploads = self.user_dir(user_id) / "uploads"
        if not uploads.is_dir():
            return []
        return sorted(int(p.name) for p in uploads.iterdir() if p.name.isdigit())


def _remove_tree(path: Path) -> int:
    if not path.exists():
        return 0
    count = sum(1 for p in path.rglob("*") if not p.is_dir())
    shutil.rmtree(path)
    return count
