"""The built-in schema, user schemas that extend it, and errors that say where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inclusionplan.errors import SchemaError
from inclusionplan.schema import builtin_schema, load_schema
from inclusionplan.schemafile import builtin_schema_problems, schema_json_schema


def test_builtin_schema_is_valid_and_complete() -> None:
    assert builtin_schema_problems() == []
    schema = builtin_schema()
    assert len(schema.indicators) == 33
    assert set(schema.areas) == {"CX", "SP", "EM", "ED", "HE", "HO", "HR"}
    assert len(schema.institutions) == 14
    assert schema.indicators["EM01"].breakdowns == (
        "total",
        "female",
        "male",
        "youth",
        "long_term",
        "roma_egyptian",
        "pwd",
    )
    assert len(schema.rules) == 6


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Gjithsejt", "total"),
        ("GRA", "female"),
        ("burra", "male"),
        ("Zona Rurale", "rural"),
        ("Rom dhe Egjiptian", "roma_egyptian"),
        ("PAK", "pwd"),
        ("Femije", "children"),
        ("", "total"),
    ],
)
def test_breakdown_labels_in_both_languages(label: str, key: str) -> None:
    assert builtin_schema().breakdown_key(label) == key


def test_user_schema_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "areas: [{key: TR, en: Transport, sq: Transporti}]\n"
        "indicators:\n"
        "  - {code: TR01, area: TR, en: Bus passes, sq: Karta autobusi, unit: persons,\n"
        "     type: count, institution: social_services}\n"
        "checks: {large_change: {threshold: 0.2, min_value: 5}}\n",
        encoding="utf-8",
    )
    schema = load_schema(path)
    assert "TR01" in schema.indicators and "EM01" in schema.indicators
    assert schema.large_change.threshold == 0.2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "indicators:\n  - {code: EM01, area: EM, en: a, sq: b, unit: persons, type: counts,"
            " institution: court}\n",
            "indicators[0].type (line 2): unknown value: 'counts' (expected one of: amount,"
            " count, percentage)",
        ),
        (
            "rules: [{left: EM01, operator: '=<', right: EM02}]\n",
            "rules[0].operator (line 1): unknown value: '=<' (expected one of: <, <=, ==",
        ),
        ("areas: [\n", "not valid YAML"),
        (
            "breakdowns:\n  roma: {en: Roma, sq: Rom}\n  rural_women: {en: Rural women}\n",
            "breakdowns.rural_women (line 3)",
        ),
        ("units:\n  km: {en: km, sq: km, plural: kms}\n", "units.km.plural (line 2): unknown key"),
        (
            "areas: [{key: social, en: a, sq: b}]\n",
            "areas[0].key (line 1): does not have the required form (2 to 4 capital letters,",
        ),
        (
            "indicators:\n  - {code: em-1, area: EM, en: a, sq: b, unit: persons, type: count,"
            " institution: court}\n",
            "indicators[0].code (line 2): does not have the required form (capital letters, then",
        ),
        ("- a list\n", "mapping"),
        (
            "indicators:\n  - {code: XX01, area: ZZ, en: a, sq: b, unit: persons, type: count,"
            " institution: court}\n",
            "area 'ZZ' is not defined",
        ),
        ("rules: [{left: EM01, operator: '<=', right: EM77}]\n", "unknown indicator EM77"),
        *[
            (
                "indicators:\n  - {code: XX01, area: EM, en: a, sq: b, unit: persons, type: count,"
                f" institution: court, {reference}}}\n",
                expected,
            )
            for reference, expected in [
                ("unit: km", "unit 'km' is not defined"),
                ("institution: parliament", "institution 'parliament' is not defined"),
                ("partitions: [sex, caste]", "partition 'caste' is not defined"),
                ("subgroups: [pwd, giants]", "subgroup 'giants' is not defined"),
            ]
        ],
    ],
)
def test_broken_schema_names_file_place_and_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    message = raised.value.message("en")
    assert str(path) in message and expected in message


def test_schema_problems_are_said_in_albanian_too(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "indicators:\n  - {code: XX01, area: ZZ, en: a, sq: b, unit: persons, type: count,"
        " institution: court}\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    assert "treguesi XX01: fusha 'ZZ' nuk është përcaktuar" in raised.value.message("sq")
    assert "indicator XX01: area 'ZZ' is not defined" in raised.value.message("en")
    path.write_text("extends: all\n", encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    assert "extends (line 1): vlerë e panjohur: 'all' (pritet një nga: builtin, none)" in (
        raised.value.message("sq")
    )
    path.write_text("checks: {large_change: {threshold: 0}}\n", encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    assert "checks.large_change.threshold (line 1): duhet të jetë > 0" in raised.value.message("sq")


TRANSPORT = {
    "areas": [{"key": "TR", "en": "Transport", "sq": "Transporti"}],
    "indicators": [
        {
            "code": "TR01",
            "area": "TR",
            "en": "Bus passes",
            "sq": "Karta autobusi",
            "unit": "persons",
            "type": "count",
            "institution": "social_services",
        }
    ],
}


def test_schema_may_be_json(tmp_path: Path) -> None:
    path = tmp_path / "generated.json"
    path.write_text(json.dumps(TRANSPORT, indent=2), encoding="utf-8")
    schema = load_schema(path)
    assert "TR01" in schema.indicators and "EM01" in schema.indicators


def test_broken_json_schema_names_the_place_and_line(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(TRANSPORT))
    broken["indicators"][0]["type"] = "counts"
    path = tmp_path / "generated.json"
    path.write_text(json.dumps(broken, indent=2), encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    assert "indicators[0].type (line 16)" in raised.value.message("en")
    path.write_text('{"indicators": [', encoding="utf-8")
    with pytest.raises(SchemaError) as raised:
        load_schema(path)
    assert "not valid YAML" in raised.value.message("en")


def test_yaml_named_json_is_read_as_yaml(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text("checks: {large_change: {threshold: 0.2}}\n", encoding="utf-8")
    assert load_schema(path).large_change.threshold == 0.2


def test_json_schema_export_describes_the_format() -> None:
    document = json.loads(schema_json_schema())
    assert document["title"] == "inclusionplan sector schema"
    assert "indicators" in document["properties"] and "$ref" not in document
    indicator = document["properties"]["indicators"]["items"]["$ref"].split("/")[-1]
    assert document["$defs"][indicator]["properties"]["type"]["enum"] == [
        "amount",
        "count",
        "percentage",
    ]


def test_every_pattern_of_the_schema_format_is_said_in_words() -> None:
    """A problem names the form (2 to 4 capital letters), not the regular expression."""
    from msgspec import inspect

    from inclusionplan.catalogue import MESSAGES
    from inclusionplan.schemafile import FORMS, SchemaFile

    patterns: set[str] = set()

    def walk(node: object, seen: set[type]) -> None:
        if isinstance(node, inspect.StrType) and node.pattern:
            patterns.add(node.pattern)
        elif isinstance(node, inspect.Metadata):
            walk(node.type, seen)
        elif isinstance(node, inspect.StructType) and node.cls not in seen:
            for field in node.fields:
                walk(field.type, seen | {node.cls})
        elif isinstance(node, inspect.UnionType):
            for member in node.types:
                walk(member, seen)
        elif isinstance(node, inspect.VarTupleType | inspect.ListType):
            walk(node.item_type, seen)
        elif isinstance(node, inspect.DictType):
            walk(node.value_type, seen)

    walk(inspect.type_info(SchemaFile), set())
    assert patterns and patterns == set(FORMS)
    assert all(MESSAGES[key]["sq"] and MESSAGES[key]["en"] for key in FORMS.values())
