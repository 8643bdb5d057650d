"""Use-cases that touch the database. Services own transactions: they commit or roll back;
views and domain code never do."""


class FieldErrors(ValueError):
    """Input a service refuses, with an error (code or message) per field, so each channel
    can word and place it (an error summary, a JSON list, an SMS reply)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{field}: {error}" for field, error in errors.items()))
        self.errors = errors
