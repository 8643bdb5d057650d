"""Triage decisions as an officer reading the intake queue would see them."""

import json
from datetime import UTC, datetime

import pytest

from intake_app.domain.triage import TriageResult, triage
from intake_app.taxonomy import keys

RECEIVED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_a_complaint_gets_a_complaint_category_and_a_reason_for_each_decision():
    result = triage("i havent had my pocket money for 3 weeks", role="young_person")
    assert result.type == "complaint"
    assert result.primary_category == "money"
    assert result.priority == "normal"
    assert result.procedure == "statutory"
    assert not result.needs_review
    assert any(reason.startswith("Type complaint") for reason in result.reasons)
    assert any(reason.startswith("Category money") for reason in result.reasons)
    assert any(reason.startswith("Priority normal") for reason in result.reasons)
    assert result.procedure_reason in result.reasons


def test_a_compliment_gets_a_compliment_category():
    result = triage("my social worker sarah is amazing, thank you for everything")
    assert result.type == "compliment"
    assert result.primary_category in keys("compliment_categories")


@pytest.mark.parametrize(
    ("text", "expected_type"),
    [
        ("when is my next review?", "enquiry"),
        ("it would be good if we could text our social workers instead of ringing", "comment"),
    ],
)
def test_comments_and_enquiries_have_no_primary_category(text, expected_type):
    result = triage(text)
    assert result.type == expected_type
    assert result.primary_category is None


def test_a_declared_compliment_that_discloses_abuse_is_kept_but_flagged_and_urgent():
    result = triage("my step dad hits me", declared_type="compliment")
    assert result.type == "compliment"
    assert "type_disagrees" in result.flags
    assert result.priority == "urgent"
    assert result.needs_review
    assert result.safeguarding.flagged
    assert any("Flagged as urgent" in r and "'step dad hits me'" in r for r in result.reasons)


def test_a_declared_type_that_matches_the_text_is_not_flagged():
    result = triage("i havent had my pocket money for 3 weeks", declared_type="complaint")
    assert result.type == "complaint"
    assert "type_disagrees" not in result.flags


def test_the_classifier_can_never_unflag_the_screen():
    result = triage("thank you so much you are the best lol jk i wanna die")
    assert result.safeguarding.flagged
    assert result.priority == "urgent"
    assert result.needs_review


@pytest.mark.parametrize("role", ["young_person", "care_leaver", "advocate", "parent", "carer",
                                  "relative"])
def test_eligible_roles_use_the_statutory_procedure(role):
    result = triage("my social worker never rings me back", role=role)
    assert result.procedure == "statutory"
    assert "sufficient_interest" not in result.flags


@pytest.mark.parametrize("role", ["professional", "other"])
def test_professionals_and_others_need_a_sufficient_interest_decision(role):
    result = triage("the social worker never rings the family back", role=role)
    assert "sufficient_interest" in result.flags
    assert result.needs_review
    assert any("sufficient interest" in reason.lower() for reason in result.reasons)


def test_send_education_service_area_is_corporate():
    result = triage("the support plan is late", service_area="send_education")
    assert result.procedure == "corporate"
    assert "education" in result.procedure_reason


@pytest.mark.parametrize(
    "text",
    ["our bins havent been collected for 3 weeks", "my council tax bill is wrong",
     "the school wont let me do art for GCSE"],
)
def test_other_council_services_are_corporate(text):
    assert triage(text, role="parent").procedure == "corporate"


def test_school_mentioned_in_a_social_care_complaint_stays_statutory():
    result = triage("my social worker told my school about my mum being in prison")
    assert result.procedure == "statutory"


@pytest.mark.parametrize(
    "text",
    [
        "this happened 2 years ago and nobody did anything",
        "my social worker was rude to me in 2023",
        "it was eighteen months ago that they lost my file",
        "back in march 2025 they cancelled my contact",
    ],
)
def test_events_more_than_twelve_months_old_are_flagged_late(text):
    result = triage(text, received_at=RECEIVED)
    assert "late" in result.flags
    assert result.needs_review
    assert any("late" in reason.lower() for reason in result.reasons)


@pytest.mark.parametrize(
    "text",
    ["this happened 3 months ago", "my contact was cancelled in october 2026",
     "i have been waiting since 2023"],
)
def test_recent_or_ongoing_events_are_not_flagged_late(text):
    assert "late" not in triage(text, received_at=RECEIVED).flags


def test_last_year_is_flagged_for_a_person_to_check():
    assert "late" in triage("my review was cancelled last year", received_at=RECEIVED).flags


@pytest.mark.parametrize(
    "text",
    ["we are going to court next month about the kids", "the police are investigating my dad",
     "my solicitor says the care proceedings are ongoing"],
)
def test_court_or_police_proceedings_are_flagged(text):
    result = triage(text)
    assert "proceedings" in result.flags
    assert any("regulation 8" in reason for reason in result.reasons)


@pytest.mark.parametrize(
    "text",
    ["i dont agree with what was said at the child protection conference",
     "the court report about my family is wrong"],
)
def test_conferences_and_court_reports_go_to_other_procedures(text):
    assert "other_procedure" in triage(text).flags


@pytest.mark.parametrize(
    "text",
    [
        "they are moving me to a new placement next week and i dont want to go",
        "my foster placement is breaking down and nobody is helping",
        "im 17 and homeless",
        "i am in foster care and i have no social worker",
        "my son has been excluded from school and might lose his school place",
    ],
)
def test_risks_to_home_placement_or_school_are_high_priority(text):
    result = triage(text)
    assert result.priority in {"high", "urgent"}
    assert any(reason.startswith("Priority high") for reason in result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # Reviewer's misses: these came out normal.
        "i have not had a social worker for 3 months and im in care",
        "no sw since march",
        # Variants of the same family.
        "i havent had a sw since christmas and im in foster care",
        "still not been allocated a social worker and im in a childrens home",
        "my sw left in june and ive had nobody since",
        "no social worker for months now",
    ],
)
def test_a_child_with_no_social_worker_is_high_priority(text):
    result = triage(text)
    assert result.priority == "high"
    assert any("no social worker" in reason for reason in result.reasons
               if reason.startswith("Priority high"))


@pytest.mark.parametrize(
    "text",
    ["my social worker is great", "i would like a social worker to come to the meeting"],
)
def test_having_a_social_worker_is_not_high_priority(text):
    assert triage(text).priority == "normal"


def test_safeguarding_outranks_high_priority():
    result = triage("im 16 and my mum kicked me out, nowhere to sleep tonite")
    assert result.priority == "urgent"


BAD_INPUTS = {
    "empty": "",
    "whitespace": "   \n\t ",
    "emoji_only": "😭😭😭💔",
    "ten_thousand_characters": "my social worker never calls me back " * 270,
    "other_language": "Je ne suis pas content de mon assistante sociale, elle ne répond jamais",
    "all_caps": "MY SOCIAL WORKER NEVER CALLS ME BACK AND NOBODY CARES",
    "repeated_characters": "helloooooooooooooooooo?????????????",
    "control_characters": "my\x00 social\x07 worker\x1b never calls",
    "invalid_utf8": b"my social worker \xff\xfe\xfa never \xc3\x28 calls \xa0\xa1".decode(
        "utf-8", errors="replace"
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_never_raises_and_asks_for_review_with_a_reason(name):
    result = triage(BAD_INPUTS[name])
    assert isinstance(result, TriageResult)
    assert result.type in keys("representation_types")
    assert result.needs_review
    assert any("Needs review" in reason for reason in result.reasons)


def test_none_is_treated_as_an_empty_message():
    result = triage(None)  # type: ignore[arg-type]
    assert "unreadable" in result.flags


def test_welsh_is_noted_so_the_reply_can_be_in_welsh():
    result = triage("Dw i eisiau gweld fy mam yn amlach")
    assert "welsh" in result.flags
    assert "other_language" not in result.flags


def test_triage_is_deterministic():
    text = "my foster carer keeps my birthday money and wont give it me"
    assert triage(text, role="young_person") == triage(text, role="young_person")


def test_result_serialises_to_json_with_model_version():
    result = triage("he hits me. also my pocket money is late", received_at=RECEIVED)
    stored = json.loads(json.dumps(result.to_dict()))
    assert stored["safeguarding"]["flagged"] is True
    assert stored["safeguarding"]["evidence"][0]["text"] == "he hits me"
    assert stored["model_version"] == result.model_version
    assert len(result.model_version) == 12
    int(result.model_version, 16)


def test_categories_and_flags_use_taxonomy_and_stable_keys():
    result = triage("my social worker was rude and the report is full of mistakes")
    complaint_keys = set(keys("complaint_categories"))
    assert result.primary_category in complaint_keys
    assert set(result.secondary_categories) <= complaint_keys
    assert result.primary_category not in result.secondary_categories


def test_a_professional_writing_about_social_care_is_not_sent_to_corporate():
    result = triage("As her teacher I am worried her social worker never visits her placement",
                    role="professional")
    assert result.procedure == "statutory"
    assert "sufficient_interest" in result.flags


def test_unreadable_text_is_assumed_a_complaint_for_a_person_to_decide():
    result = triage("😭😭😭")
    assert result.type == "complaint"
    assert result.type_confidence == 0.0
    assert result.primary_category is None
    assert any("could not be read" in reason for reason in result.reasons)


def test_an_unknown_declared_type_is_ignored():
    result = triage("when is my next review?", declared_type="banana")
    assert result.type == "enquiry"
    assert "type_disagrees" not in result.flags


def test_welsh_disclosure_is_urgent():
    result = triage("dw i ddim yn teimlo'n ddiogel adre", role="young_person")
    assert result.priority == "urgent"
    assert "neglect" in result.safeguarding.kinds
