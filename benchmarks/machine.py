"""What the numbers were measured on: machine, Python, package and tool versions."""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .texts import REPO_ROOT

DISTRIBUTIONS = (
    "textfix",
    "regex",
    "rapidfuzz",
    "ftfy",
    "autocorrect-py",
    "pangu",
    "unstructured",
    "opencc",
    "clean-text",
    "pymupdf",
    "pdfminer.six",
    "Pillow",
    "matplotlib",
)
PROGRAMS = {"pdftotext": ["pdftotext", "-v"], "tesseract": ["tesseract", "--version"]}


def _first_line_of(command: list[str]) -> str:
    if shutil.which(command[0]) is None:
        return "not installed"
    done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        if found:
            return found.group(1).strip()
    return platform.processor() or platform.machine()


def _memory() -> str:
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        if found:
            return f"{int(found.group(1)) / 1024 / 1024:.1f} GiB"
    return "unknown"


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def busy_notes() -> list[str]:
    """A warning when other work competed for the processors during the run."""
    load = os.getloadavg()[1]  # the 5-minute average spans most of a run
    cores = os.cpu_count() or 1
    if load <= cores:
        return []
    return [
        f"The machine was busy (5-minute load {load:.1f} on {cores} cores): absolute speeds "
        "are lower than on an idle machine; ratios within this run stay comparable."
    ]


def facts() -> dict[str, str]:
    """Machine facts first, then versions (``not installed`` where missing)."""
    found = {
        "date (UTC)": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "textfix commit": _commit(),
        "CPU": f"{_cpu_model()} ({os.cpu_count()} logical cores)",
        "memory": _memory(),
        # Other work on the machine slows every measurement alike; ratios stay comparable.
        "load average (1, 5, 15 min)": ", ".join(f"{load:.2f}" for load in os.getloadavg()),
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {sys.version.split()[0]}",
    }
    for distribution in DISTRIBUTIONS:
        try:
            found[distribution] = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            found[distribution] = "not installed"
    for program, command in PROGRAMS.items():
        found[program] = _first_line_of(command)
    return found
