"""qarabagh_edition.file_memo: a result is kept while its files are unchanged, and no longer."""

import os

from qarabagh_edition.file_memo import remembered


def test_a_result_is_kept_until_a_file_changes(tmp_path):
    data = tmp_path / "data.yml"
    data.write_text("one", encoding="utf-8")
    memo, calls = {}, []

    def compute():
        calls.append(1)
        return data.read_text(encoding="utf-8")

    assert remembered(memo, ("k",), [data], compute) == "one"
    assert remembered(memo, ("k",), [data], compute) == "one" and len(calls) == 1
    data.write_text("two!", encoding="utf-8")
    os.utime(data, ns=(1, 1))  # even a file whose time went back is read again
    assert remembered(memo, ("k",), [data], compute) == "two!" and len(calls) == 2
    assert remembered(memo, ("other",), [data], compute) == "two!" and len(calls) == 3
    assert len(memo) == 1, "one state of the files at a time"


def test_a_failed_computation_is_not_kept(tmp_path):
    memo = {}

    def fail():
        raise ValueError("broken data")

    for _ in range(2):
        try:
            remembered(memo, (), [tmp_path / "missing.yml"], fail)
        except ValueError:
            pass
    assert memo == {}
