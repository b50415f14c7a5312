"""Which files changed since a git revision: what a pull request adds or edits."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitError(Exception):
    """git could not answer; the message says what to do."""


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    # Bytes, not text: a file name need not be UTF-8, and git prints it as it is.
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise GitError("git is not installed or not on PATH") from error


def changed_files(folder: Path, ref: str) -> set[Path]:
    """Files under `folder` added or modified since `ref` (since where the branch left it),
    committed or not, untracked new files included; deleted files are left out."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GitError(f"{folder} is not a folder")
    if _git(folder, "rev-parse", "--show-toplevel").returncode != 0:
        raise GitError(f"{folder} is not inside a git checkout")
    if ref.startswith("-") or _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise GitError(f"'{ref}' is not a commit this checkout knows (fetch it first, for example "
                       "`git fetch origin main`, or check the spelling)")
    merge_base = _git(folder, "merge-base", ref, "HEAD")
    # Without a common ancestor (a shallow clone), compare with the ref itself.
    found = os.fsdecode(merge_base.stdout.strip()) if merge_base.returncode == 0 else ""
    base = found or ref
    diff = _git(folder, "diff", "--name-only", "-z", "--diff-filter=d", "--relative", base, "--", ".")
    if diff.returncode != 0:
        message = diff.stderr.decode("utf-8", errors="replace").strip()
        raise GitError(f"git diff against '{ref}' failed: {message}")
    untracked = _git(folder, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
    names = [os.fsdecode(name) for name in (diff.stdout + untracked.stdout).split(b"\0") if name]
    return {(folder / name).resolve() for name in names}
