#!/usr/bin/env python3
"""Writes a scenario whose staff.csv is about 100 MB, to measure reading at scale.

235,000 schools x 15 subjects = 3,525,000 staff rows (100,459,206 bytes) and a 20 MB
schools.csv. Deterministic (seed 7). Usage: python3 Benchmarks/big-staff.py DIR [SCHOOLS]
then: /usr/bin/time -v .build/release/redeploy check DIR
docs/RELIABILITY.md ("Reading a 100 MB staff.csv") has the figures.
"""
import os
import random
import sys

SUBJECTS = ["vietnamese", "math", "english", "physical_education", "natural_science",
            "history_geography", "informatics", "technology", "arts_music", "arts_fine",
            "civic_education", "literature", "physics", "chemistry", "biology"]


def main() -> None:
    out = sys.argv[1]
    schools = int(sys.argv[2]) if len(sys.argv) > 2 else 235_000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    with open(os.path.join(out, "schools.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,area,level,classes,lat,lon,priority\n")
        for i in range(schools):
            f.write(f"S{i:06d},Trường THCS số {i},Huyện {i % 120},lower_secondary,{rng.randint(4, 30)},"
                    f"{20.5 + rng.random():.5f},{106.5 + rng.random():.5f},{rng.choice([1, 1, 1.5, 2])}\n")
    with open(os.path.join(out, "staff.csv"), "w", encoding="utf-8") as f:
        f.write("school_id,subject,teachers,leaving,required\n")
        for i in range(schools):
            for subject in SUBJECTS:
                t = rng.randint(0, 9)
                f.write(f"S{i:06d},{subject},{t},{rng.randint(0, min(1, t))},{rng.randint(0, 900) / 100}\n")
    with open(os.path.join(out, "scenario.yaml"), "w", encoding="utf-8") as f:
        f.write("name: Big read test\nschools: schools.csv\nstaff: staff.csv\n")


if __name__ == "__main__":
    main()
