#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets: Fuzz/corpus/FuzzCSV, FuzzScenario and FuzzPlan.

Seeds are the conformance examples (Tests/Fixtures/conformance), the heads of the bundled
scenarios, the fuzz base scenario (Sources/FuzzSupport/Fixture.swift) and hand-made
pathological inputs. A FuzzScenario seed is one byte choosing the file (0 scenario.yaml,
1 schools.csv, 2 staff.csv, 3 norms.csv, 4 distances.csv) followed by that file's bytes. Run
from anywhere: python3 Fuzz/seeds.py
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The conformance examples, kept in the repository as test fixtures.
EXAMPLES = os.path.join(ROOT, "Tests", "Fixtures", "conformance")

YAML, SCHOOLS, STAFF, NORMS, DISTANCES = range(5)
FILES = {"scenario.yaml": YAML, "schools.csv": SCHOOLS, "staff.csv": STAFF, "norms.csv": NORMS,
         "distances.csv": DISTANCES}

# The fuzz base scenario's files (as in Fixture.swift), to mutate from valid.
BASE = {
    YAML: b"""name: Fuzz base
schools: schools.csv
staff: staff.csv
norms: norms.csv
distances: distances.csv
policy:
  payroll_change: 0
  hiring: true
  same_level: true
  transfer_scope: any
  max_distance_km: 50
  max_out_share: 0.5
  sharing: false
  qualifications: [{teacher: physics, teaches: natural_science}]
costs: {move: 1, per_km: 0.1, hire: 1, release: 5}
""",
    SCHOOLS: "id,name,area,level,classes,lat,lon,priority\n"
             "S1,Trường A,X,lower_secondary,10,21.0,107.0,1\n"
             "S2,\"Trường B, cơ sở 2\",X,lower_secondary,8,,,2\n"
             "S3,Trường C,Y,lower_secondary,12,21.1,107.1,1.5\n".encode(),
    STAFF: b"school_id,subject,teachers,leaving,required\nS1,math,12,1,11\nS2,math,7,0,\nS3,physics,4,1,2.5\n",
    NORMS: b"level,subject,per_class\nlower_secondary,math,1.1\nlower_secondary,natural_science,0.5\n",
    DISTANCES: b"from,to,km\nS1,S2,12.5\nS2,S3,30\n",
}

SCHOOLS_HEADER = b"id,name,area,level,classes,lat,lon,priority\n"
STAFF_HEADER = b"school_id,subject,teachers,leaving,required\n"


def school(id=b"S1", name=b"A", area=b"X", level=b"lower_secondary", classes=b"10", lat=b"21.0",
           lon=b"107.0", priority=b"1"):
    rest = BASE[SCHOOLS].split(b"\n", 2)[2]  # S2 and S3, so that staff.csv still refers to schools
    return SCHOOLS_HEADER + b",".join([id, name, area, level, classes, lat, lon, priority]) + b"\n" + rest


def staff(teachers=b"12", leaving=b"1", required=b"11", school_id=b"S1", subject=b"math"):
    return STAFF_HEADER + b",".join([school_id, subject, teachers, leaving, required]) + b"\n"


def yaml_with(extra):
    return BASE[YAML] + extra


BILLION_LAUGHS = b"""name: lol
schools: schools.csv
staff: staff.csv
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
policy:
  qualifications: *g
"""

# The same, with the expanded structure used as a mapping key: a YAML library that hashes or
# compares keys walks all 9^8 leaves (before the fix: a timeout).
BILLION_LAUGHS_KEY = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
? *h
: 1
? [*h]
: 2
"""

# (target file, name, bytes)
PATHOLOGICAL = [
    # Numbers
    (SCHOOLS, "priority-1e308", school(priority=b"1e308")),
    (SCHOOLS, "priority-nan", school(priority=b"NaN")),
    (SCHOOLS, "priority-inf", school(priority=b"inf")),
    (SCHOOLS, "priority-minus-zero", school(priority=b"-0")),
    (SCHOOLS, "lat-nan", school(lat=b"nan")),
    (SCHOOLS, "lon-minus-zero", school(lon=b"-0.0")),
    (SCHOOLS, "classes-1e3", school(classes=b"1e3")),
    (SCHOOLS, "classes-minus-zero", school(classes=b"-0")),
    (SCHOOLS, "classes-huge", school(classes=b"99999999999999999999999999")),
    (STAFF, "teachers-1e3", staff(teachers=b"1e3")),
    (STAFF, "required-1e308", staff(required=b"1e308")),
    (STAFF, "required-nan", staff(required=b"NaN")),
    (STAFF, "required-inf", staff(required=b"-inf")),
    (STAFF, "required-minus-zero", staff(required=b"-0")),
    (STAFF, "required-hex", staff(required=b"0x1p3")),
    (STAFF, "leaving-above-teachers", staff(teachers=b"1", leaving=b"2")),
    (NORMS, "per-class-nan", b"level,subject,per_class\nlower_secondary,math,nan\n"),
    (NORMS, "per-class-1e308", b"level,subject,per_class\nlower_secondary,math,1e308\n"),
    (DISTANCES, "km-1e308", b"from,to,km\nS1,S2,1e308\n"),
    (DISTANCES, "km-nan", b"from,to,km\nS1,S2,NaN\n"),
    # Long texts
    (SCHOOLS, "name-10000-characters", school(name=("Trường " + "A" * 9993).encode())),
    (SCHOOLS, "id-10000-characters", school(id=b"S" * 10000)),
    (STAFF, "subject-10000-characters", staff(subject=b"m" * 10000)),
    (STAFF, "school-id-10000-characters", staff(school_id=b"S" * 10000)),
    # File shapes
    (SCHOOLS, "empty", b""),
    (SCHOOLS, "header-only", SCHOOLS_HEADER),
    (STAFF, "header-only", STAFF_HEADER),
    (NORMS, "header-only", b"level,subject,per_class\n"),
    (DISTANCES, "header-only", b"from,to,km\n"),
    (SCHOOLS, "bom-only", b"\xef\xbb\xbf"),
    (SCHOOLS, "bom-header-only", b"\xef\xbb\xbf" + SCHOOLS_HEADER),
    (SCHOOLS, "utf16", "id,area,level,classes\nS1,X,primary,1\n".encode("utf-16")),
    (SCHOOLS, "unterminated-quote", SCHOOLS_HEADER + "S1,\"Trường A,X,lower_secondary,10,,,1\n".encode()),
    (SCHOOLS, "text-after-quote", SCHOOLS_HEADER + b"S1,\"A\"B,X,lower_secondary,10,,,1\n"),
    (SCHOOLS, "nul-bytes", SCHOOLS_HEADER.replace(b",", b"\x00", 2) + b"S1\x00,A,X,lower_secondary,10,,,1\n"),
    (SCHOOLS, "invalid-utf8", school(name=b"Tr\xff\xfeng")),
    (SCHOOLS, "overlong-utf8", school(name=b"\xc0\xaf")),
    (SCHOOLS, "surrogate-utf8", school(name=b"\xed\xa0\x80")),
    (SCHOOLS, "cr-only-line-ends", BASE[SCHOOLS].replace(b"\n", b"\r")),
    (STAFF, "crlf-line-ends", BASE[STAFF].replace(b"\n", b"\r\n")),
    (SCHOOLS, "100000-columns", b"," * 99999 + b"\n"),
    (SCHOOLS, "semicolons", b"id;name;area;level;classes\nS1;A;X;primary;10\n"),
    (SCHOOLS, "duplicate-columns", b"id,id,area,level,classes\nS1,S1,X,primary,10\n"),
    (SCHOOLS, "ragged-rows", SCHOOLS_HEADER + b"S1,A\nS2,B,X,lower_secondary,8,,,2,extra\n"),
    # YAML
    (YAML, "empty", b""),
    (YAML, "bom-only", b"\xef\xbb\xbf"),
    (YAML, "nul-bytes", b"name: a\x00b\nschools: schools.csv\nstaff: staff.csv\n"),
    (YAML, "control-character", b"name: a\x01b\nschools: schools.csv\nstaff: staff.csv\n"),
    (YAML, "invalid-utf8", b"name: \xff\xfe\nschools: schools.csv\nstaff: staff.csv\n"),
    (YAML, "cr-only-line-ends", BASE[YAML].replace(b"\n", b"\r")),
    (YAML, "costs-nan", yaml_with(b"").replace(b"hire: 1,", b"hire: .nan,")),
    (YAML, "costs-1e308", yaml_with(b"").replace(b"move: 1,", b"move: 1e308,")),
    (YAML, "costs-inf", yaml_with(b"").replace(b"release: 5", b"release: -.inf")),
    (YAML, "payroll-1e3", BASE[YAML].replace(b"payroll_change: 0", b"payroll_change: 1e3")),
    (YAML, "payroll-int-overflow", BASE[YAML].replace(b"payroll_change: 0", b"payroll_change: 99999999999999999999")),
    (YAML, "payroll-hex-octal", BASE[YAML].replace(b"payroll_change: 0", b"payroll_change: 0x7fffffffffffffff")),
    (YAML, "max-distance-nan", BASE[YAML].replace(b"max_distance_km: 50", b"max_distance_km: .NaN")),
    (YAML, "name-10000-characters", BASE[YAML].replace(b"name: Fuzz base", b"name: " + b"n" * 10000)),
    (YAML, "deep-flow-nesting", b"name: " + b"[" * 20000 + b"\n"),
    (YAML, "deep-map-nesting", b"policy: " + b"{a: " * 5000 + b"1" + b"}" * 5000 + b"\n"),
    (YAML, "deep-block-sequence", b"policy:\n  qualifications:\n" + b"    " + b"- " * 5000 + b"x\n"),
    (YAML, "billion-laughs", BILLION_LAUGHS),
    (YAML, "billion-laughs-key", BILLION_LAUGHS_KEY),
    (YAML, "alias-to-file-name", b"schools: &s schools.csv\nstaff: staff.csv\ndistances: *s\n"),
    (YAML, "undefined-alias", b"schools: *nothing\nstaff: staff.csv\n"),
    (YAML, "tags", b"name: !!str 5\nschools: !!str schools.csv\nstaff: !custom staff.csv\n"
                   b"policy:\n  payroll_change: !!int \"3\"\n  hiring: !!bool yes\n  max_out_share: !!float x\n"
                   b"costs: !!map {move: !!float 1}\n"),
    (YAML, "duplicate-keys", BASE[YAML] + b"schools: other.csv\n"),
    (YAML, "duplicate-nested-keys", b"schools: schools.csv\nstaff: staff.csv\npolicy: {hiring: true, hiring: false}\n"),
    (YAML, "merge-key", b"schools: schools.csv\nstaff: staff.csv\nbase: &b {hiring: true}\npolicy:\n  <<: *b\n"),
    (YAML, "multi-document", BASE[YAML] + b"---\nname: second\n"),
    (YAML, "extends-self", b"extends: scenario.yaml\n" + BASE[YAML]),
    (YAML, "extends-folder", b"extends: .\n"),
    (YAML, "file-is-a-folder", b"schools: .\nstaff: staff.csv\n"),
    (YAML, "file-is-a-device", b"schools: /dev/zero\nstaff: staff.csv\n"),
    (YAML, "not-a-map", b"- schools.csv\n- staff.csv\n"),
    (YAML, "complex-keys", b"? [a, b]\n: 1\n? {c: d}\n: 2\nschools: schools.csv\nstaff: staff.csv\n"),
    (YAML, "qualifications-mixed", BASE[YAML].replace(
        b"qualifications: [{teacher: physics, teaches: natural_science}]",
        b"qualifications: [1, [a], {teacher: ~}, {teacher: a, teaches: a}, {teacher: [x], teaches: y}]")),
    (YAML, "norms-list", BASE[YAML].replace(b"norms: norms.csv", b"norms: [builtin:vn-2023, norms.csv, builtin:nope, ~, 3]")),
]


PLAN_HEADER = b"action,from_school,to_school,subject,teachers,km\n"
PLAN = [
    ("valid", PLAN_HEADER + b"transfer,S1,S2,math,1,12.5\nhire,,S3,physics,2,\nrelease,S2,,math,1,\n"),
    ("header-only", PLAN_HEADER),
    ("no-km-column", b"action,from_school,to_school,subject,teachers\ntransfer,S1,S2,math,1\n"),
    ("columns-reordered", b"teachers,subject,to_school,from_school,action,km,note\n0.5,math,S2,S1,Transfer,3,x\n"),
    ("fractional", PLAN_HEADER + b"transfer,S1,S2,math,0.25,\n"),
    ("teachers-1e308", PLAN_HEADER + b"hire,,S1,math,1e308,\n"),
    ("teachers-nan", PLAN_HEADER + b"hire,,S1,math,NaN,\n"),
    ("teachers-minus-zero", PLAN_HEADER + b"hire,,S1,math,-0,\n"),
    ("teachers-1e3", PLAN_HEADER + b"hire,,S1,math,1e3,\n"),
    ("teachers-decimal-comma", PLAN_HEADER + b"hire,,S1,math,\"1,5\",\n"),
    ("km-inf", PLAN_HEADER + b"transfer,S1,S2,math,1,inf\n"),
    ("km-negative", PLAN_HEADER + b"transfer,S1,S2,math,1,-3\n"),
    ("unknown-action", PLAN_HEADER + b"tranfer,S1,S2,math,1,\n"),
    ("empty-subject", PLAN_HEADER + b"hire,,S1, ,1,\n"),
    ("missing-columns", b"action,subject\nhire,math\n"),
    ("empty", b""),
    ("bom-only", b"\xef\xbb\xbf"),
    ("name-10000-characters", PLAN_HEADER + b"transfer," + b"S" * 10000 + b",S2,math,1,\n"),
]


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def head(path, lines=25):
    with open(path, "rb") as f:
        return b"".join(f.readlines()[:lines])


def main():
    csv_dir = os.path.join(HERE, "corpus", "FuzzCSV")
    scenario_dir = os.path.join(HERE, "corpus", "FuzzScenario")
    plan_dir = os.path.join(HERE, "corpus", "FuzzPlan")
    for d in (csv_dir, scenario_dir, plan_dir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)

    if not os.path.isdir(EXAMPLES):
        raise SystemExit(f"no conformance examples in {EXAMPLES}")
    seeds = []  # (file index, name, bytes)
    for index, data in BASE.items():
        seeds.append((index, "base", data))
    for dirpath, _, names in sorted(os.walk(EXAMPLES)):
        for name in sorted(names):
            if name in FILES:
                rel = os.path.relpath(dirpath, EXAMPLES).replace(os.sep, "-")
                with open(os.path.join(dirpath, name), "rb") as f:
                    seeds.append((FILES[name], "example-" + rel, f.read()))
    scenarios = os.path.join(ROOT, "scenarios")
    for dirpath, _, names in sorted(os.walk(scenarios)):
        for name in sorted(names):
            if name in FILES:
                rel = os.path.relpath(dirpath, scenarios).replace(os.sep, "-")
                seeds.append((FILES[name], "scenario-" + rel, head(os.path.join(dirpath, name))))
    seeds.extend(PATHOLOGICAL)

    names = {v: k.replace(".", "-") for k, v in FILES.items()}
    for index, name, data in seeds:
        write(scenario_dir, f"{names[index]}--{name}", bytes([index]) + data)
        if index != YAML:
            write(csv_dir, f"{names[index]}--{name}", data)
    for index, name, data in seeds:
        if index == YAML:  # YAML bytes are bytes the CSV tokenizer should survive too
            write(csv_dir, f"yaml--{name}", data)
    for name, data in PLAN:
        write(plan_dir, f"plan--{name}", data)
        write(csv_dir, f"plan--{name}", data)
    for index, name, data in PATHOLOGICAL:  # the CSV shapes matter to plan.csv too
        if index in (SCHOOLS, STAFF) and len(data) < 20000:
            write(plan_dir, f"{names[index]}--{name}", data)
    print(f"{len(os.listdir(csv_dir))} seeds in {csv_dir}")
    print(f"{len(os.listdir(plan_dir))} seeds in {plan_dir}")
    print(f"{len(os.listdir(scenario_dir))} seeds in {scenario_dir}")


if __name__ == "__main__":
    main()
