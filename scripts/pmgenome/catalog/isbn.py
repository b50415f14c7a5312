"""An ISBN's check digit: the schema checks the form, this catches the typo a form cannot."""

from __future__ import annotations


def _check_digit(digits: str) -> str:
    """The check digit that the first 9 (ISBN-10) or 12 (ISBN-13) digits call for."""
    if len(digits) == 9:
        rest = -sum((10 - index) * int(digit) for index, digit in enumerate(digits)) % 11
        return "X" if rest == 10 else str(rest)
    return str(-sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(digits)) % 10)


def isbn_problem(isbn: str) -> str | None:
    """What is wrong with an ISBN of a valid form, or None when its check digit holds."""
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if len(digits) not in (10, 13) or not digits[:-1].isdigit():
        return None  # not of the schema's form: the schema says so
    expected = _check_digit(digits[:-1])
    if digits[-1] == expected:
        return None
    return (f"'{isbn}' is not a valid ISBN: its last digit should be {expected} for the digits before it; "
            "a digit is likely mistyped, so copy the ISBN again from the book's page")
