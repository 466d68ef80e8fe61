"""One book build per test run, shared by every test and every pytest-xdist worker that needs it.

As soon as a worker (or a plain pytest run) has collected a test that uses the ``built_book`` fixture,
:func:`start` takes a lock and starts ``jupyter-book build`` in a child process that inherits the lock and holds
it until the build ends, so the build runs while the other tests run.  :func:`wait` blocks on the lock, then
reads the stamp the build left: its run id, exit code and log.  A stamp from another run does not count, so each
run builds once (unless ``KETAMINE_REUSE_BUILD=1`` asks for the last good build); a run that never called
:func:`start` builds in :func:`wait`.

    python tests/book_build.py OUTPUT RUN_ID LOCK_FD     # the child: build into OUTPUT/_build, write the stamp
"""

import fcntl
import json
import os
import pathlib
import resource
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
REUSE_ENV = "KETAMINE_REUSE_BUILD"  # =1: use the last good build in the folder (iterating on the site tests)
TIMEOUT_S = 3600  # eleven chapters took over 1800 s at load ≈ 15 on 2 cores


def _files(output):
    folder = pathlib.Path(output) / "_build"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / ".book-build.lock", folder / ".book-build.json", folder / "book-build.log"


def _stamp(output, run_id):
    """The stamp of this run's build (or, with KETAMINE_REUSE_BUILD=1, of the last good one), or None."""
    try:
        stamp = json.loads(_files(output)[1].read_text())
    except (OSError, ValueError):
        return None
    reuse = os.environ.get(REUSE_ENV) == "1" and stamp.get("returncode") == 0
    return stamp if stamp.get("run") == run_id or reuse else None


def build(output, run_id):
    """Build the whole book with -W (warnings are errors) into ``output``; write and return the stamp."""
    _, stamp_path, log_path = _files(output)
    jb = pathlib.Path(sys.executable).with_name("jupyter-book")
    env = {k: v for k, v in os.environ.items() if k != "KETAMINE_SIM_STATIC"}
    cmd = [str(jb), "build", ".", "--all", "-W", "-n", "--keep-going", "--path-output", str(output)]
    start = time.monotonic()
    with open(log_path, "w") as log:
        try:
            code = subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  timeout=TIMEOUT_S).returncode
        except subprocess.TimeoutExpired:
            code = f"timed out after {TIMEOUT_S} s"
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    stamp = {"run": run_id, "returncode": code, "seconds": round(time.monotonic() - start, 1),
             "cpu_seconds": round(used.ru_utime + used.ru_stime, 1), "log": str(log_path)}
    stamp_path.write_text(json.dumps(stamp))
    return stamp


def _lock(output, blocking):
    fd = os.open(_files(output)[0], os.O_CREAT | os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def start(output, run_id):
    """Start this run's build in the background unless it is running or done; True if this call started it."""
    fd = _lock(output, blocking=False)
    if fd is None:
        return False  # another worker's build holds the lock
    try:
        if _stamp(output, run_id):
            return False
        subprocess.Popen([sys.executable, __file__, str(output), run_id, str(fd)], pass_fds=(fd,), cwd=ROOT,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return True
    finally:
        os.close(fd)  # the child holds the lock (same open file) until its build ends


def wait(output, run_id):
    """This run's build stamp, waiting for a build in progress (or building here if none was started)."""
    fd = _lock(output, blocking=True)
    try:
        return _stamp(output, run_id) or build(output, run_id)
    finally:
        os.close(fd)


def log_tail(stamp, chars=6000):
    try:
        return pathlib.Path(stamp["log"]).read_text()[-chars:]
    except OSError as err:
        return f"(no build log: {err})"


if __name__ == "__main__":
    out, run, lock_fd = sys.argv[1:4]
    try:
        build(out, run)
    finally:
        os.close(int(lock_fd))
