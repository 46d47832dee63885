#!/usr/bin/env python3
"""Writes a ClinicalTrials.gov API v2 record with N US sites (default 437) for the page benchmark.

The record is a real one (../shared/ctgov/NCT03475563.json) given another NCT number and N
locations at real ZIP code centroids from the portal's gazetteer, each with a status and contact.
"""
import copy, csv, gzip, io, json, random, sys

template, zips_gz, out, nct = sys.argv[1:5]
count = int(sys.argv[5]) if len(sys.argv) > 5 else 437
with open(template) as f:
    study = json.load(f)
with gzip.open(zips_gz, "rt") as f:
    rows = [r for r in csv.reader(f) if r and r[0][:1].isdigit()]
random.seed(437)
rows = random.sample(rows, count)
s = copy.deepcopy(study)
p = s["protocolSection"]
p["identificationModule"]["nctId"] = nct
p["identificationModule"]["briefTitle"] = "A study with %d sites (page benchmark)" % count
p["statusModule"]["overallStatus"] = "RECRUITING"
locations = []
for i, r in enumerate(rows):
    zip_code, city, state, lat, lon = r[0], r[1], r[2], float(r[3]), float(r[4])
    locations.append({
        "facility": "Research Site %d" % (i + 1),
        "status": "RECRUITING",
        "city": city, "state": state, "zip": zip_code, "country": "United States",
        "contacts": [{"name": "Study Coordinator %d" % (i + 1), "role": "CONTACT",
                      "phone": "555-01%02d" % (i % 100)}],
        "geoPoint": {"lat": lat, "lon": lon},
    })
p["contactsLocationsModule"]["locations"] = locations
with open(out, "w") as f:
    json.dump(s, f)
