"""The allocator setting made on import (ketamine_sim._allocator): applied with glibc, never over the user's own."""

import os
import subprocess
import sys

import pytest

PROBE = "import ketamine_sim._allocator as a; print(a.keep_freed_memory())"


def _probe(env):
    return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True).stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux-only")
def test_thresholds_set_with_glibc_unless_the_user_set_them():
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    assert _probe(env).strip() == "True"
    assert _probe({**env, "MALLOC_TRIM_THRESHOLD_": "131072"}).strip() == "False"
