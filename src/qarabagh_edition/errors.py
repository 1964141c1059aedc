"""The one error the content's readers raise: every problem as `file:line: what is wrong
(how to fix it)`, the form editors and CI logs can jump to."""


class ContentError(Exception):
    """One or more `file:line: message` problems in the content."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))
