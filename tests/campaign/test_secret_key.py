"""The embedded install's key: made once, the same for every process that starts together."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from kit.secret_key import stored_secret_key


def test_processes_starting_together_all_get_the_first_key(tmp_path):
    path = tmp_path / "var" / "secret_key"
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: stored_secret_key(path), range(32)))
    assert keys == {path.read_text()}
    assert sorted(p.name for p in path.parent.iterdir()) == ["secret_key"]


def test_an_empty_key_file_stops_the_start_with_what_to_do(tmp_path):
    (tmp_path / "secret_key").write_text("\n")
    with pytest.raises(ValueError, match="delete it"):
        stored_secret_key(tmp_path / "secret_key")
