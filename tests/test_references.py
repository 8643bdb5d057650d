import itertools

from intake_app.domain.references import (
    ALPHABET,
    check_character,
    display,
    new_reference,
    normalise,
)


def test_alphabet_has_no_characters_a_child_could_misread():
    for confusing in "0O1IL":
        assert confusing not in ALPHABET


def test_new_references_are_eight_characters_and_validate():
    for _ in range(500):
        reference = new_reference()
        assert len(reference) == 8
        assert set(reference) <= set(ALPHABET)
        assert normalise(reference) == reference


def test_reference_is_shown_with_a_dash_and_read_back_in_any_case():
    reference = new_reference()
    shown = display(reference)
    assert shown == f"{reference[:4]}-{reference[4:]}"
    assert normalise(shown.lower()) == reference
    assert normalise(f"  {reference[:4]} {reference[4:]} ") == reference


def test_every_single_mistyped_character_is_caught():
    reference = new_reference()
    for position, wrong in itertools.product(range(8), ALPHABET):
        if reference[position] == wrong:
            continue
        typo = reference[:position] + wrong + reference[position + 1:]
        assert normalise(typo) is None, typo


def test_swapping_two_neighbouring_characters_is_caught():
    for _ in range(200):
        reference = new_reference()
        for position in range(7):
            a, b = reference[position], reference[position + 1]
            if a == b:
                continue
            swapped = reference[:position] + b + a + reference[position + 2:]
            assert normalise(swapped) is None


def test_rubbish_is_not_a_reference():
    for text in ("", "ABCD", "ABCD-EFGHJ", "ABCD-EFG0", "hello there", "OOOO-OOOO"):
        assert normalise(text) is None


def test_references_are_random_not_sequential():
    references = {new_reference() for _ in range(2000)}
    assert len(references) == 2000
    assert check_character("2345678") in ALPHABET
